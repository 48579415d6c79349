# A resolver where nothing listens: ICMP port unreachable gives
# temperror (dns-unreachable) at once, and the log names the server.
@args -f $CONF/dns-1s.conf -m verify -A mx.example.test --resolver $DEAD
@stderr DNS server 127\.0\.0\.1:[0-9]+: unreachable \(ICMP unreachable: is a DNS server listening there\?\)$
@handshake
< report|0.6|1795447344.000173|smtp-in|link-connect|2d296248ca88e298|<unknown>|fail|192.0.2.1:47646|127.0.0.1:25
< filter|0.6|1795447344.000346|smtp-in|connect|2d296248ca88e298|f91c6204b41c6c6b|<unknown>|192.0.2.1
> filter-result|2d296248ca88e298|f91c6204b41c6c6b|proceed
< report|0.6|1795447344.000519|smtp-in|filter-response|2d296248ca88e298|connected|proceed
< report|0.6|1795447344.000692|smtp-in|protocol-server|2d296248ca88e298|220 mx.example.test ESMTP OpenSMTPD
< report|0.6|1795447344.000865|smtp-in|link-greeting|2d296248ca88e298|mx.example.test
< report|0.6|1795447344.001039|smtp-in|protocol-client|2d296248ca88e298|EHLO client.example.test
< filter|0.6|1795447344.001212|smtp-in|ehlo|2d296248ca88e298|f91c6206cad3db06|client.example.test
> filter-result|2d296248ca88e298|f91c6206cad3db06|proceed
< report|0.6|1795447344.001385|smtp-in|filter-response|2d296248ca88e298|ehlo|proceed
< report|0.6|1795447344.001558|smtp-in|link-identify|2d296248ca88e298|EHLO|client.example.test
< report|0.6|1795447344.001731|smtp-in|protocol-server|2d296248ca88e298|250 HELP
< report|0.6|1795447344.001904|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.002077|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.002250|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.002423|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.002596|smtp-in|tx-begin|2d296248ca88e298|3e79045c
< report|0.6|1795447344.002769|smtp-in|tx-mail|2d296248ca88e298|3e79045c|ok|alice@example.test
< report|0.6|1795447344.002943|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.003116|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.003289|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.003462|smtp-in|tx-envelope|2d296248ca88e298|3e79045c|3e79045cf0218408
< report|0.6|1795447344.003635|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.003808|smtp-in|tx-rcpt|2d296248ca88e298|3e79045c|ok|root@localhost
< report|0.6|1795447344.003981|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.004154|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.004327|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.004500|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.004673|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 3e79045c
< filter|0.6|1795447344.004847|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.005020|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.005193|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;
< filter|0.6|1795447344.005366|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	d=slow-3000.fault.test; s=k; t=1700000000; h=from:from:reply-to:
< report|0.6|1795447344.005539|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.005712|smtp-in|tx-data|2d296248ca88e298|3e79045c|ok
< filter|0.6|1795447344.005885|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	subject:subject:to:to:cc; bh=MOfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyiz
< filter|0.6|1795447344.006058|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	yI=; b=K8GQo6EODAvfcfg5w+9oqcUW4bBfddKSwtzsWReNYm/qW8qy3+NAoCnlx9iUlct
< filter|0.6|1795447344.006231|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	R9LfOvfrJ5e6juZ5uAwJfCw==
< filter|0.6|1795447344.006404|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.006577|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.006751|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.006924|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.007097|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.007270|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.007443|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.007616|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=temperror (dns-unreachable) header.d=slow-3000.fault.test
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.s=k header.a=ed25519-sha256 header.b=K8GQo6EO
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 3e79045c
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	d=slow-3000.fault.test; s=k; t=1700000000; h=from:from:reply-to:
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	subject:subject:to:to:cc; bh=MOfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyiz
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	yI=; b=K8GQo6EODAvfcfg5w+9oqcUW4bBfddKSwtzsWReNYm/qW8qy3+NAoCnlx9iUlct
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	R9LfOvfrJ5e6juZ5uAwJfCw==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
< report|0.6|1795447344.007789|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.007962|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.008135|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.008308|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 3e79045c Message accepted for delivery
< report|0.6|1795447344.008482|smtp-in|tx-commit|2d296248ca88e298|3e79045c|564
< report|0.6|1795447344.008655|smtp-in|tx-reset|2d296248ca88e298|3e79045c
< report|0.6|1795447344.008828|smtp-in|protocol-client|2d296248ca88e298|QUIT
< filter|0.6|1795447344.009001|smtp-in|quit|2d296248ca88e298|f91c620eb9a84967|
> filter-result|2d296248ca88e298|f91c620eb9a84967|proceed
< report|0.6|1795447344.009174|smtp-in|filter-response|2d296248ca88e298|quit|proceed
< report|0.6|1795447344.009347|smtp-in|protocol-server|2d296248ca88e298|221 2.0.0 Bye
< report|0.6|1795447344.009520|smtp-in|link-disconnect|2d296248ca88e298
