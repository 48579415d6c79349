# The reject policy (-r) on the messages of verify-results: a pass,
# no signature, or no key (permerror) is accepted; a failed signature and
# no pass is a 550 at commit; no pass and a key lookup failure is a 451.
@args -r -A mx.example.test --resolver $DNS
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
< report|0.6|1795447344.002596|smtp-in|tx-begin|2d296248ca88e298|00000001
< report|0.6|1795447344.002769|smtp-in|tx-mail|2d296248ca88e298|00000001|ok|alice@example.test
< report|0.6|1795447344.002943|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.003116|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.003289|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.003462|smtp-in|tx-envelope|2d296248ca88e298|00000001|00000001f0218408
< report|0.6|1795447344.003635|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.003808|smtp-in|tx-rcpt|2d296248ca88e298|00000001|ok|root@localhost
< report|0.6|1795447344.003981|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.004154|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.004327|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.004500|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.004673|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000001
< filter|0.6|1795447344.004847|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.005020|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.005193|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.005366|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:date:date:to:
< report|0.6|1795447344.005539|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.005712|smtp-in|tx-data|2d296248ca88e298|00000001|ok
< filter|0.6|1795447344.005885|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	to:cc; bh=K1+/l5i+dz6Xc37zy6sMCAjar5g1Rb04AUL6AYGOgcc=; b=SaiMirb9jxPU
< filter|0.6|1795447344.006058|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	ZmHnihk5SQuvk45UHADP5vkY5xhR+/5SwIzVgWXoGePoiGmdz5D/mZt3UDNLdB32wXtae2
< filter|0.6|1795447344.006231|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	SHBg==
< filter|0.6|1795447344.006404|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.006577|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.006751|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: dots | pipes | 8-bit é
< filter|0.6|1795447344.006924|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Date: Mon, 23 Nov 2026 15:22:24 +0000
< filter|0.6|1795447344.007097|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.007270|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|..one leading dot
< filter|0.6|1795447344.007443|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|..
< filter|0.6|1795447344.007616|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|...two dots
< filter|0.6|1795447344.007789|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|a | pipe
< filter|0.6|1795447344.007962|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6||
< filter|0.6|1795447344.008135|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|||x||
< filter|0.6|1795447344.008308|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|UTF-8: GrÃ¼ÃŸe aus KÃ¶ln
< filter|0.6|1795447344.008482|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Latin-1: Grüße été
< filter|0.6|1795447344.008655|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|€ÿþ high bytes
< filter|0.6|1795447344.008828|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|..
< filter|0.6|1795447344.009001|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|end
< filter|0.6|1795447344.009174|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=pass header.d=ok.fault.test header.s=k header.a=ed25519-sha256
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.b=SaiMirb9
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000001
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:date:date:to:
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	to:cc; bh=K1+/l5i+dz6Xc37zy6sMCAjar5g1Rb04AUL6AYGOgcc=; b=SaiMirb9jxPU
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	ZmHnihk5SQuvk45UHADP5vkY5xhR+/5SwIzVgWXoGePoiGmdz5D/mZt3UDNLdB32wXtae2
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	SHBg==
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
< report|0.6|1795447344.009347|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.009520|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.009693|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.009866|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 00000001 Message accepted for delivery
< report|0.6|1795447344.010039|smtp-in|tx-commit|2d296248ca88e298|00000001|564
< report|0.6|1795447344.010212|smtp-in|tx-reset|2d296248ca88e298|00000001
< report|0.6|1795447344.010386|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.010559|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.010732|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.010905|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.011078|smtp-in|tx-begin|2d296248ca88e298|00000002
< report|0.6|1795447344.011251|smtp-in|tx-mail|2d296248ca88e298|00000002|ok|alice@example.test
< report|0.6|1795447344.011424|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.011597|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.011770|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.011943|smtp-in|tx-envelope|2d296248ca88e298|00000002|00000002f0218408
< report|0.6|1795447344.012116|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.012290|smtp-in|tx-rcpt|2d296248ca88e298|00000002|ok|root@localhost
< report|0.6|1795447344.012463|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.012636|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.012809|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.012982|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.013155|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000002
< filter|0.6|1795447344.013328|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.013501|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.013674|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.013847|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:date:date:to:
< report|0.6|1795447344.014020|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.014194|smtp-in|tx-data|2d296248ca88e298|00000002|ok
< filter|0.6|1795447344.014367|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	to:cc; bh=K1+/l5i+dz6Xc37zy6sMCAjar5g1Rb04AUL6AYGOgcc=; b=SaiMirb9jxPU
< filter|0.6|1795447344.014540|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	ZmHnihk5SQuvk45UHADP5vkY5xhR+/5SwIzVgWXoGePoiGmdz5D/mZt3UDNLdB32wXtae2
< filter|0.6|1795447344.014713|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	SHBg==
< filter|0.6|1795447344.014886|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.015059|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.015232|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: dots | pipes | 8-bit é
< filter|0.6|1795447344.015405|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Date: Mon, 23 Nov 2026 15:22:24 +0000
< filter|0.6|1795447344.015578|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.015751|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|..one leading dot
< filter|0.6|1795447344.015924|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|..
< filter|0.6|1795447344.016098|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|...two dots
< filter|0.6|1795447344.016271|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|a | pipe!
< filter|0.6|1795447344.016444|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6||
< filter|0.6|1795447344.016617|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|||x||
< filter|0.6|1795447344.016790|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|UTF-8: GrÃ¼ÃŸe aus KÃ¶ln
< filter|0.6|1795447344.016963|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Latin-1: Grüße été
< filter|0.6|1795447344.017136|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|€ÿþ high bytes
< filter|0.6|1795447344.017309|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|..
< filter|0.6|1795447344.017482|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|end
< filter|0.6|1795447344.017655|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=SaiMirb9
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000002
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:date:date:to:
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	to:cc; bh=K1+/l5i+dz6Xc37zy6sMCAjar5g1Rb04AUL6AYGOgcc=; b=SaiMirb9jxPU
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	ZmHnihk5SQuvk45UHADP5vkY5xhR+/5SwIzVgWXoGePoiGmdz5D/mZt3UDNLdB32wXtae2
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	SHBg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: dots | pipes | 8-bit é
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Date: Mon, 23 Nov 2026 15:22:24 +0000
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|..one leading dot
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|..
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|...two dots
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|a | pipe!
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6||
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|||x||
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|UTF-8: GrÃ¼ÃŸe aus KÃ¶ln
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Latin-1: Grüße été
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|€ÿþ high bytes
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|..
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|end
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
< report|0.6|1795447344.017828|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.018002|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
>~ filter-result\|2d296248ca88e298\|f91c6212f397a34c\|reject\|550\ 5\.7\.20\ No\ passing\ DKIM\ signature\ found
< report|0.6|1795447344.018175|smtp-in|filter-response|2d296248ca88e298|commit|reject
< report|0.6|1795447344.018348|smtp-in|tx-rollback|2d296248ca88e298|00000002
< report|0.6|1795447344.018521|smtp-in|tx-reset|2d296248ca88e298|00000002
< report|0.6|1795447344.018694|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.018867|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.019040|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.019213|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.019386|smtp-in|tx-begin|2d296248ca88e298|00000003
< report|0.6|1795447344.019559|smtp-in|tx-mail|2d296248ca88e298|00000003|ok|alice@example.test
< report|0.6|1795447344.019732|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.019906|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.020079|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.020252|smtp-in|tx-envelope|2d296248ca88e298|00000003|00000003f0218408
< report|0.6|1795447344.020425|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.020598|smtp-in|tx-rcpt|2d296248ca88e298|00000003|ok|root@localhost
< report|0.6|1795447344.020771|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.020944|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.021117|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.021290|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.021463|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000003
< filter|0.6|1795447344.021636|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.021810|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.021983|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=nx.fault.test;
< filter|0.6|1795447344.022156|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< report|0.6|1795447344.022329|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.022502|smtp-in|tx-data|2d296248ca88e298|00000003|ok
< filter|0.6|1795447344.022675|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=nBz3voZkTVRn7fMFG+5L33v
< filter|0.6|1795447344.022848|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	PFn3HtgEO2QUC41+n1UK94djs6gPfzs9TpsB5wAIeBNSQx03KZ4bGTnsciDbTCw==
< filter|0.6|1795447344.023021|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.023194|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.023367|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.023540|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.023714|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.023887|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.024060|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.024233|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (no-key) header.d=nx.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=nBz3voZk
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000003
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=nx.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=nBz3voZkTVRn7fMFG+5L33v
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	PFn3HtgEO2QUC41+n1UK94djs6gPfzs9TpsB5wAIeBNSQx03KZ4bGTnsciDbTCw==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
< report|0.6|1795447344.024406|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.024579|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.024752|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.024925|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 00000003 Message accepted for delivery
< report|0.6|1795447344.025098|smtp-in|tx-commit|2d296248ca88e298|00000003|564
< report|0.6|1795447344.025271|smtp-in|tx-reset|2d296248ca88e298|00000003
< report|0.6|1795447344.025445|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.025618|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.025791|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.025964|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.026137|smtp-in|tx-begin|2d296248ca88e298|00000004
< report|0.6|1795447344.026310|smtp-in|tx-mail|2d296248ca88e298|00000004|ok|alice@example.test
< report|0.6|1795447344.026483|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.026656|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.026829|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.027002|smtp-in|tx-envelope|2d296248ca88e298|00000004|00000004f0218408
< report|0.6|1795447344.027175|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.027349|smtp-in|tx-rcpt|2d296248ca88e298|00000004|ok|root@localhost
< report|0.6|1795447344.027522|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.027695|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.027868|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.028041|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.028214|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000004
< filter|0.6|1795447344.028387|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.028560|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.028733|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;
< filter|0.6|1795447344.028906|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	d=servfail.fault.test; s=k; t=1700000000; h=from:from:reply-to:
< report|0.6|1795447344.029079|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.029253|smtp-in|tx-data|2d296248ca88e298|00000004|ok
< filter|0.6|1795447344.029426|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	subject:subject:to:to:cc; bh=MOfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyiz
< filter|0.6|1795447344.029599|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	yI=; b=DlMQhsAMxuJU29ZcMN1GbY/s4ERH9esqo1BZnPUZusZ2K8qy72Nlml8LqoJ2jLc
< filter|0.6|1795447344.029772|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Q/FkgK6/T2cE94YTSvdjXBg==
< filter|0.6|1795447344.029945|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.030118|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.030291|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.030464|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.030637|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.030810|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.030983|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.031157|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=temperror (dns-servfail) header.d=servfail.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=DlMQhsAM
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000004
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	d=servfail.fault.test; s=k; t=1700000000; h=from:from:reply-to:
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	subject:subject:to:to:cc; bh=MOfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyiz
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	yI=; b=DlMQhsAMxuJU29ZcMN1GbY/s4ERH9esqo1BZnPUZusZ2K8qy72Nlml8LqoJ2jLc
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Q/FkgK6/T2cE94YTSvdjXBg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
< report|0.6|1795447344.031330|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.031503|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
>~ filter-result\|2d296248ca88e298\|f91c6212f397a34c\|reject\|451\ 4\.7\.0\ DKIM\ key\ lookup\ failed,\ try\ again\ later
< report|0.6|1795447344.031676|smtp-in|filter-response|2d296248ca88e298|commit|reject
< report|0.6|1795447344.031849|smtp-in|tx-rollback|2d296248ca88e298|00000004
< report|0.6|1795447344.032022|smtp-in|tx-reset|2d296248ca88e298|00000004
< report|0.6|1795447344.032195|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.032368|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.032541|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.032714|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.032887|smtp-in|tx-begin|2d296248ca88e298|00000005
< report|0.6|1795447344.033061|smtp-in|tx-mail|2d296248ca88e298|00000005|ok|alice@example.test
< report|0.6|1795447344.033234|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.033407|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.033580|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.033753|smtp-in|tx-envelope|2d296248ca88e298|00000005|00000005f0218408
< report|0.6|1795447344.033926|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.034099|smtp-in|tx-rcpt|2d296248ca88e298|00000005|ok|root@localhost
< report|0.6|1795447344.034272|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.034445|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.034618|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.034791|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.034965|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000005
< filter|0.6|1795447344.035138|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.035311|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.035484|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.035657|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< report|0.6|1795447344.035830|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.036003|smtp-in|tx-data|2d296248ca88e298|00000005|ok
< filter|0.6|1795447344.036176|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=8J99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.036349|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.036522|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=nx.fault.test;
< filter|0.6|1795447344.036695|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.036869|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=nBz3voZkTVRn7fMFG+5L33v
< filter|0.6|1795447344.037042|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	PFn3HtgEO2QUC41+n1UK94djs6gPfzs9TpsB5wAIeBNSQx03KZ4bGTnsciDbTCw==
< filter|0.6|1795447344.037215|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.037388|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.037561|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.037734|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.037907|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.038080|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.038253|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.038426|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=pass header.d=ok.fault.test header.s=k header.a=ed25519-sha256
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.b=8J99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (no-key) header.d=nx.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=nBz3voZk
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000005
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=8J99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=nx.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=nBz3voZkTVRn7fMFG+5L33v
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	PFn3HtgEO2QUC41+n1UK94djs6gPfzs9TpsB5wAIeBNSQx03KZ4bGTnsciDbTCw==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
< report|0.6|1795447344.038599|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.038773|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.038946|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.039119|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 00000005 Message accepted for delivery
< report|0.6|1795447344.039292|smtp-in|tx-commit|2d296248ca88e298|00000005|564
< report|0.6|1795447344.039465|smtp-in|tx-reset|2d296248ca88e298|00000005
< report|0.6|1795447344.039638|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.039811|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.039984|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.040157|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.040330|smtp-in|tx-begin|2d296248ca88e298|00000006
< report|0.6|1795447344.040504|smtp-in|tx-mail|2d296248ca88e298|00000006|ok|alice@example.test
< report|0.6|1795447344.040677|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.040850|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.041023|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.041196|smtp-in|tx-envelope|2d296248ca88e298|00000006|00000006f0218408
< report|0.6|1795447344.041369|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.041542|smtp-in|tx-rcpt|2d296248ca88e298|00000006|ok|root@localhost
< report|0.6|1795447344.041715|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.041888|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.042061|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.042234|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.042408|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000006
< filter|0.6|1795447344.042581|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.042754|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.042927|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.043100|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< report|0.6|1795447344.043273|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.043446|smtp-in|tx-data|2d296248ca88e298|00000006|ok
< filter|0.6|1795447344.043619|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.043792|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.043965|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.044138|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.044312|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.044485|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test; dkim=none
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000006
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
< report|0.6|1795447344.044658|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.044831|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.045004|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.045177|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 00000006 Message accepted for delivery
< report|0.6|1795447344.045350|smtp-in|tx-commit|2d296248ca88e298|00000006|564
< report|0.6|1795447344.045523|smtp-in|tx-reset|2d296248ca88e298|00000006
< report|0.6|1795447344.045696|smtp-in|protocol-client|2d296248ca88e298|QUIT
< filter|0.6|1795447344.045869|smtp-in|quit|2d296248ca88e298|f91c620eb9a84967|
> filter-result|2d296248ca88e298|f91c620eb9a84967|proceed
< report|0.6|1795447344.046042|smtp-in|filter-response|2d296248ca88e298|quit|proceed
< report|0.6|1795447344.046216|smtp-in|protocol-server|2d296248ca88e298|221 2.0.0 Bye
< report|0.6|1795447344.046389|smtp-in|link-disconnect|2d296248ca88e298
