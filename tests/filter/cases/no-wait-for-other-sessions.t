# Session A (outside) ends its data; its key takes 800 ms to arrive. Session B
# (inside) sends a whole message meanwhile: B's signed message comes back
# first, then A's, verified (pass).
@args -A mx.example.test --resolver $DNS example.test:ed:$KEYS/ed.key
@mask
@handshake
< report|0.6|1795447344.000173|smtp-in|link-connect|3a4b5c6d7e8f9012|<unknown>|fail|192.0.2.1:47646|127.0.0.1:25
< filter|0.6|1795447344.000346|smtp-in|connect|3a4b5c6d7e8f9012|f91c6204b41c6c6b|<unknown>|192.0.2.1
> filter-result|3a4b5c6d7e8f9012|f91c6204b41c6c6b|proceed
< report|0.6|1795447344.000519|smtp-in|filter-response|3a4b5c6d7e8f9012|connected|proceed
< report|0.6|1795447344.000692|smtp-in|protocol-server|3a4b5c6d7e8f9012|220 mx.example.test ESMTP OpenSMTPD
< report|0.6|1795447344.000865|smtp-in|link-greeting|3a4b5c6d7e8f9012|mx.example.test
< report|0.6|1795447344.001039|smtp-in|protocol-client|3a4b5c6d7e8f9012|EHLO client.example.test
< filter|0.6|1795447344.001212|smtp-in|ehlo|3a4b5c6d7e8f9012|f91c6206cad3db06|client.example.test
> filter-result|3a4b5c6d7e8f9012|f91c6206cad3db06|proceed
< report|0.6|1795447344.001385|smtp-in|filter-response|3a4b5c6d7e8f9012|ehlo|proceed
< report|0.6|1795447344.001558|smtp-in|link-identify|3a4b5c6d7e8f9012|EHLO|client.example.test
< report|0.6|1795447344.001731|smtp-in|protocol-server|3a4b5c6d7e8f9012|250 HELP
< report|0.6|1795447344.001904|smtp-in|link-connect|2d296248ca88e298|localhost|pass|127.0.0.1:47646|127.0.0.1:25
< filter|0.6|1795447344.002077|smtp-in|connect|2d296248ca88e298|f91c6204b41c6c6b|localhost|127.0.0.1
> filter-result|2d296248ca88e298|f91c6204b41c6c6b|proceed
< report|0.6|1795447344.002250|smtp-in|filter-response|2d296248ca88e298|connected|proceed
< report|0.6|1795447344.002423|smtp-in|protocol-server|2d296248ca88e298|220 mx.example.test ESMTP OpenSMTPD
< report|0.6|1795447344.002596|smtp-in|link-greeting|2d296248ca88e298|mx.example.test
< report|0.6|1795447344.002769|smtp-in|protocol-client|2d296248ca88e298|EHLO client.example.test
< filter|0.6|1795447344.002943|smtp-in|ehlo|2d296248ca88e298|f91c6206cad3db06|client.example.test
> filter-result|2d296248ca88e298|f91c6206cad3db06|proceed
< report|0.6|1795447344.003116|smtp-in|filter-response|2d296248ca88e298|ehlo|proceed
< report|0.6|1795447344.003289|smtp-in|link-identify|2d296248ca88e298|EHLO|client.example.test
< report|0.6|1795447344.003462|smtp-in|protocol-server|2d296248ca88e298|250 HELP
< report|0.6|1795447344.003635|smtp-in|protocol-client|3a4b5c6d7e8f9012|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.003808|smtp-in|mail-from|3a4b5c6d7e8f9012|f91c6209e20026e0|alice@example.test
> filter-result|3a4b5c6d7e8f9012|f91c6209e20026e0|proceed
< report|0.6|1795447344.003981|smtp-in|filter-response|3a4b5c6d7e8f9012|mail-from|proceed
< report|0.6|1795447344.004154|smtp-in|protocol-server|3a4b5c6d7e8f9012|250 2.0.0 Ok
< report|0.6|1795447344.004327|smtp-in|tx-begin|3a4b5c6d7e8f9012|aaaaaaaa
< report|0.6|1795447344.004500|smtp-in|tx-mail|3a4b5c6d7e8f9012|aaaaaaaa|ok|alice@example.test
< report|0.6|1795447344.004673|smtp-in|protocol-client|3a4b5c6d7e8f9012|RCPT TO:<root@localhost>
< filter|0.6|1795447344.004847|smtp-in|rcpt-to|3a4b5c6d7e8f9012|f91c620a78ae5ec8|root@localhost
> filter-result|3a4b5c6d7e8f9012|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.005020|smtp-in|filter-response|3a4b5c6d7e8f9012|rcpt-to|proceed
< report|0.6|1795447344.005193|smtp-in|tx-envelope|3a4b5c6d7e8f9012|aaaaaaaa|aaaaaaaaf0218408
< report|0.6|1795447344.005366|smtp-in|protocol-server|3a4b5c6d7e8f9012|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.005539|smtp-in|tx-rcpt|3a4b5c6d7e8f9012|aaaaaaaa|ok|root@localhost
< report|0.6|1795447344.005712|smtp-in|protocol-client|3a4b5c6d7e8f9012|DATA
< filter|0.6|1795447344.005885|smtp-in|data|3a4b5c6d7e8f9012|f91c620b10442e4c|
> filter-result|3a4b5c6d7e8f9012|f91c620b10442e4c|proceed
< report|0.6|1795447344.006058|smtp-in|filter-response|3a4b5c6d7e8f9012|data|proceed
< filter|0.6|1795447344.006231|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.006404|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id aaaaaaaa
< filter|0.6|1795447344.006577|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.006751|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.006924|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;
< filter|0.6|1795447344.007097|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|	d=slow-800.fault.test; s=k; t=1700000000; h=from:from:reply-to:
< report|0.6|1795447344.007270|smtp-in|protocol-server|3a4b5c6d7e8f9012|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.007443|smtp-in|tx-data|3a4b5c6d7e8f9012|aaaaaaaa|ok
< filter|0.6|1795447344.007616|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|	subject:subject:to:to:cc; bh=MOfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyiz
< filter|0.6|1795447344.007789|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|	yI=; b=8Q5fve8JvAc/gwHiyMwovOw3FqeFK+t1MmIKwusAmLgS6IZG2rrMx38BW4up2u7
< filter|0.6|1795447344.007962|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|	zW7Exki21CE+Pgz1S0/x9AA==
< filter|0.6|1795447344.008135|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.008308|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.008482|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.008655|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|
< filter|0.6|1795447344.008828|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.009001|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|
< filter|0.6|1795447344.009174|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.009347|smtp-in|data-line|3a4b5c6d7e8f9012|f91c620c041fd4b6|.
< report|0.6|1795447344.009520|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.009693|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.009866|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.010039|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.010212|smtp-in|tx-begin|2d296248ca88e298|bbbbbbbb
< report|0.6|1795447344.010386|smtp-in|tx-mail|2d296248ca88e298|bbbbbbbb|ok|alice@example.test
< report|0.6|1795447344.010559|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.010732|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.010905|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.011078|smtp-in|tx-envelope|2d296248ca88e298|bbbbbbbb|bbbbbbbbf0218408
< report|0.6|1795447344.011251|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.011424|smtp-in|tx-rcpt|2d296248ca88e298|bbbbbbbb|ok|root@localhost
< report|0.6|1795447344.011597|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.011770|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.011943|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.012116|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (localhost [127.0.0.1])
< filter|0.6|1795447344.012290|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id bbbbbbbb
< filter|0.6|1795447344.012463|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.012636|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.012809|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.012982|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< report|0.6|1795447344.013155|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.013328|smtp-in|tx-data|2d296248ca88e298|bbbbbbbb|ok
< filter|0.6|1795447344.013501|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: dots | pipes | 8-bit é
< filter|0.6|1795447344.013674|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Date: Mon, 23 Nov 2026 15:22:24 +0000
< filter|0.6|1795447344.013847|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.014020|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|..one leading dot
< filter|0.6|1795447344.014194|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|..
< filter|0.6|1795447344.014367|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|...two dots
< filter|0.6|1795447344.014540|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|a | pipe
< filter|0.6|1795447344.014713|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6||
< filter|0.6|1795447344.014886|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|||x||
< filter|0.6|1795447344.015059|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|UTF-8: GrÃ¼ÃŸe aus KÃ¶ln
< filter|0.6|1795447344.015232|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Latin-1: Grüße été
< filter|0.6|1795447344.015405|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|€ÿþ high bytes
< filter|0.6|1795447344.015578|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|..
< filter|0.6|1795447344.015751|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|end
< filter|0.6|1795447344.015924|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=ed; t=1700000000; h=from:from:reply-to:subject:subject:date:date:to:
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	to:cc; bh=K1+/l5i+dz6Xc37zy6sMCAjar5g1Rb04AUL6AYGOgcc=; b=Eu3FKW739eTg
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OYp605ZqKBMcmnH3GiKjjbO3by+jHTNc4MDtbdQvc0gOIoby8xGJGhAii1agHRzAgRYGbB
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	yWCw==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (localhost [127.0.0.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id bbbbbbbb
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: dots | pipes | 8-bit é
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Date: Mon, 23 Nov 2026 15:22:24 +0000
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|..one leading dot
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|..
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|...two dots
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|a | pipe
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6||
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|||x||
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|UTF-8: GrÃ¼ÃŸe aus KÃ¶ln
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Latin-1: Grüße été
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|€ÿþ high bytes
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|..
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|end
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|	dkim=pass header.d=slow-800.fault.test header.s=k
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=8Q5fve8J
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id aaaaaaaa
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|	d=slow-800.fault.test; s=k; t=1700000000; h=from:from:reply-to:
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|	subject:subject:to:to:cc; bh=MOfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyiz
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|	yI=; b=8Q5fve8JvAc/gwHiyMwovOw3FqeFK+t1MmIKwusAmLgS6IZG2rrMx38BW4up2u7
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|	zW7Exki21CE+Pgz1S0/x9AA==
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|Subject: plain message
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|Hello Bob,
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|this is a plain message.
> filter-dataline|3a4b5c6d7e8f9012|f91c620c041fd4b6|.
< report|0.6|1795447344.016098|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.016271|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.016444|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.016617|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 bbbbbbbb Message accepted for delivery
< report|0.6|1795447344.016790|smtp-in|tx-commit|2d296248ca88e298|bbbbbbbb|564
< report|0.6|1795447344.016963|smtp-in|tx-reset|2d296248ca88e298|bbbbbbbb
< report|0.6|1795447344.017136|smtp-in|protocol-client|3a4b5c6d7e8f9012|.
< filter|0.6|1795447344.017309|smtp-in|commit|3a4b5c6d7e8f9012|f91c6212f397a34c|
> filter-result|3a4b5c6d7e8f9012|f91c6212f397a34c|proceed
< report|0.6|1795447344.017482|smtp-in|filter-response|3a4b5c6d7e8f9012|commit|proceed
< report|0.6|1795447344.017655|smtp-in|protocol-server|3a4b5c6d7e8f9012|250 2.0.0 aaaaaaaa Message accepted for delivery
< report|0.6|1795447344.017828|smtp-in|tx-commit|3a4b5c6d7e8f9012|aaaaaaaa|564
< report|0.6|1795447344.018002|smtp-in|tx-reset|3a4b5c6d7e8f9012|aaaaaaaa
< report|0.6|1795447344.018175|smtp-in|protocol-client|3a4b5c6d7e8f9012|QUIT
< filter|0.6|1795447344.018348|smtp-in|quit|3a4b5c6d7e8f9012|f91c620eb9a84967|
> filter-result|3a4b5c6d7e8f9012|f91c620eb9a84967|proceed
< report|0.6|1795447344.018521|smtp-in|filter-response|3a4b5c6d7e8f9012|quit|proceed
< report|0.6|1795447344.018694|smtp-in|protocol-server|3a4b5c6d7e8f9012|221 2.0.0 Bye
< report|0.6|1795447344.018867|smtp-in|link-disconnect|3a4b5c6d7e8f9012
< report|0.6|1795447344.019040|smtp-in|protocol-client|2d296248ca88e298|QUIT
< filter|0.6|1795447344.019213|smtp-in|quit|2d296248ca88e298|f91c620eb9a84967|
> filter-result|2d296248ca88e298|f91c620eb9a84967|proceed
< report|0.6|1795447344.019386|smtp-in|filter-response|2d296248ca88e298|quit|proceed
< report|0.6|1795447344.019559|smtp-in|protocol-server|2d296248ca88e298|221 2.0.0 Bye
< report|0.6|1795447344.019732|smtp-in|link-disconnect|2d296248ca88e298
