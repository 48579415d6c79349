# The reject policy (-r) and junk DKIM-Signature fields: 200 fields that fail
# without a key (unparsable, d= refused, wrong bh=, l= values, expired; 40 of
# each) above a good signature still give dkim=pass, and commit is accepted.
# A signature past our bounds alone (a b= from an 8192-bit key) is neutral
# (sig-too-large): no verdict, so -r accepts it too, as it accepts 17 copies of a
# signature with a bad b= above the good one: 16 fail, and the good one is
# neutral (not-evaluated): it is not known that none passes.
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
< filter|0.6|1795447344.005193|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 10
< filter|0.6|1795447344.005366|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s11; h=from; bh=AAAA; b=AAAA
< report|0.6|1795447344.005539|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.005712|smtp-in|tx-data|2d296248ca88e298|00000001|ok
< filter|0.6|1795447344.005885|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u12@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.006058|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=13; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.006231|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=14; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.006404|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 15
< filter|0.6|1795447344.006577|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s16; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.006751|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u17@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.006924|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=18; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.007097|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=19; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.007270|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 20
< filter|0.6|1795447344.007443|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s21; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.007616|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u22@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.007789|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=23; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.007962|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=24; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.008135|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 25
< filter|0.6|1795447344.008308|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s26; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.008482|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u27@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.008655|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=28; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.008828|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=29; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.009001|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 30
< filter|0.6|1795447344.009174|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s31; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.009347|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u32@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.009520|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=33; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.009693|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=34; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.009866|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 35
< filter|0.6|1795447344.010039|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s36; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.010212|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u37@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.010386|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=38; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.010559|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=39; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.010732|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 40
< filter|0.6|1795447344.010905|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s41; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.011078|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u42@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.011251|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=43; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.011424|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=44; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.011597|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 45
< filter|0.6|1795447344.011770|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s46; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.011943|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u47@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.012116|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=48; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.012290|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=49; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.012463|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 50
< filter|0.6|1795447344.012636|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s51; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.012809|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u52@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.012982|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=53; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.013155|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=54; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.013328|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 55
< filter|0.6|1795447344.013501|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s56; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.013674|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u57@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.013847|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=58; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.014020|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=59; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.014194|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 60
< filter|0.6|1795447344.014367|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s61; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.014540|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u62@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.014713|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=63; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.014886|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=64; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.015059|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 65
< filter|0.6|1795447344.015232|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s66; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.015405|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u67@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.015578|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=68; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.015751|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=69; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.015924|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 70
< filter|0.6|1795447344.016098|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s71; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.016271|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u72@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.016444|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=73; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.016617|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=74; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.016790|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 75
< filter|0.6|1795447344.016963|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s76; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.017136|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u77@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.017309|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=78; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.017482|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=79; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.017655|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 80
< filter|0.6|1795447344.017828|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s81; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.018002|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u82@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.018175|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=83; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.018348|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=84; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.018521|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 85
< filter|0.6|1795447344.018694|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s86; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.018867|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u87@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.019040|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=88; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.019213|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=89; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.019386|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 90
< filter|0.6|1795447344.019559|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s91; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.019732|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u92@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.019906|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=93; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.020079|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=94; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.020252|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 95
< filter|0.6|1795447344.020425|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s96; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.020598|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u97@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.020771|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=98; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.020944|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=99; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.021117|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 100
< filter|0.6|1795447344.021290|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s101; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.021463|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u102@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.021636|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=103; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.021810|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=104; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.021983|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 105
< filter|0.6|1795447344.022156|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s106; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.022329|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u107@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.022502|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=108; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.022675|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=109; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.022848|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 110
< filter|0.6|1795447344.023021|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s111; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.023194|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u112@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.023367|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=113; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.023540|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=114; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.023714|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 115
< filter|0.6|1795447344.023887|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s116; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.024060|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u117@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.024233|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=118; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.024406|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=119; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.024579|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 120
< filter|0.6|1795447344.024752|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s121; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.024925|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u122@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.025098|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=123; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.025271|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=124; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.025445|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 125
< filter|0.6|1795447344.025618|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s126; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.025791|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u127@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.025964|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=128; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.026137|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=129; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.026310|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 130
< filter|0.6|1795447344.026483|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s131; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.026656|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u132@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.026829|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=133; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.027002|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=134; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.027175|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 135
< filter|0.6|1795447344.027349|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s136; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.027522|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u137@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.027695|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=138; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.027868|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=139; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.028041|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 140
< filter|0.6|1795447344.028214|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s141; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.028387|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u142@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.028560|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=143; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.028733|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=144; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.028906|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 145
< filter|0.6|1795447344.029079|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s146; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.029253|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u147@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.029426|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=148; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.029599|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=149; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.029772|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 150
< filter|0.6|1795447344.029945|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s151; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.030118|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u152@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.030291|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=153; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.030464|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=154; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.030637|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 155
< filter|0.6|1795447344.030810|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s156; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.030983|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u157@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.031157|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=158; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.031330|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=159; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.031503|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 160
< filter|0.6|1795447344.031676|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s161; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.031849|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u162@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.032022|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=163; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.032195|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=164; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.032368|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 165
< filter|0.6|1795447344.032541|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s166; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.032714|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u167@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.032887|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=168; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.033061|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=169; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.033234|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 170
< filter|0.6|1795447344.033407|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s171; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.033580|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u172@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.033753|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=173; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.033926|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=174; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.034099|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 175
< filter|0.6|1795447344.034272|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s176; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.034445|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u177@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.034618|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=178; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.034791|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=179; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.034965|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 180
< filter|0.6|1795447344.035138|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s181; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.035311|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u182@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.035484|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=183; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.035657|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=184; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.035830|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 185
< filter|0.6|1795447344.036003|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s186; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.036176|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u187@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.036349|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=188; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.036522|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=189; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.036695|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 190
< filter|0.6|1795447344.036869|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s191; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.037042|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u192@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.037215|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=193; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.037388|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=194; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.037561|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 195
< filter|0.6|1795447344.037734|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s196; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.037907|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u197@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.038080|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=198; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.038253|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=199; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.038426|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 200
< filter|0.6|1795447344.038599|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s201; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.038773|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u202@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.038946|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=203; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.039119|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=204; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.039292|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 205
< filter|0.6|1795447344.039465|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s206; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.039638|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u207@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.039811|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=208; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
< filter|0.6|1795447344.039984|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=209; h=from; bh=AAAA; b=AAAA
< filter|0.6|1795447344.040157|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.040330|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.040504|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=8J99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.040677|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.040850|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.041023|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.041196|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.041369|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.041542|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.041715|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.041888|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.042061|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s11
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s16
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s21
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s26
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s31
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s36
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s41
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (l-exceeds-body) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s46
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (l-exceeds-body) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s51
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (l-exceeds-body) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s56
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (l-exceeds-body) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s61
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (l-exceeds-body) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s66
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (l-exceeds-body) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (expired) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax);
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=permerror (sig-syntax) header.d=com header.s=s71
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (body-hash-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AAAA;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=pass header.d=ok.fault.test header.s=k header.a=ed25519-sha256
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.b=8J99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=neutral (too-many-signatures)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000001
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 10
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s11; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u12@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=13; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=14; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 15
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s16; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u17@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=18; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=19; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 20
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s21; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u22@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=23; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=24; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 25
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s26; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u27@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=28; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=29; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 30
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s31; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u32@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=33; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=34; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 35
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s36; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u37@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=38; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=39; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 40
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s41; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u42@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=43; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=44; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 45
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s46; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u47@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=48; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=49; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 50
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s51; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u52@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=53; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=54; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 55
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s56; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u57@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=58; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=59; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 60
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s61; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u62@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=63; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=64; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 65
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s66; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u67@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=68; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=69; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 70
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s71; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u72@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=73; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=74; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 75
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s76; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u77@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=78; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=79; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 80
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s81; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u82@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=83; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=84; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 85
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s86; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u87@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=88; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=89; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 90
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s91; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u92@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=93; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=94; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 95
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s96; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u97@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=98; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=99; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 100
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s101; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u102@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=103; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=104; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 105
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s106; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u107@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=108; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=109; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 110
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s111; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u112@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=113; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=114; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 115
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s116; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u117@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=118; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=119; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 120
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s121; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u122@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=123; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=124; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 125
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s126; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u127@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=128; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=129; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 130
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s131; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u132@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=133; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=134; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 135
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s136; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u137@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=138; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=139; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 140
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s141; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u142@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=143; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=144; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 145
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s146; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u147@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=148; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=149; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 150
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s151; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u152@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=153; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=154; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 155
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s156; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u157@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=158; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=159; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 160
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s161; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u162@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=163; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=164; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 165
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s166; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u167@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=168; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=169; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 170
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s171; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u172@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=173; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=174; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 175
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s176; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u177@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=178; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=179; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 180
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s181; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u182@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=183; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=184; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 185
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s186; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u187@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=188; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=189; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 190
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s191; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u192@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=193; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=194; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 195
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s196; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u197@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=198; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=199; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 200
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s201; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u202@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=203; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=204; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; junk 205
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s206; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; i=u207@ok.fault.test; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; l=208; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; t=1; x=209; h=from; bh=AAAA; b=AAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=8J99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
< report|0.6|1795447344.042234|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.042408|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.042581|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.042754|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 00000001 Message accepted for delivery
< report|0.6|1795447344.042927|smtp-in|tx-commit|2d296248ca88e298|00000001|564
< report|0.6|1795447344.043100|smtp-in|tx-reset|2d296248ca88e298|00000001
< report|0.6|1795447344.043273|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.043446|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.043619|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.043792|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.043965|smtp-in|tx-begin|2d296248ca88e298|00000002
< report|0.6|1795447344.044138|smtp-in|tx-mail|2d296248ca88e298|00000002|ok|alice@example.test
< report|0.6|1795447344.044312|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.044485|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.044658|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.044831|smtp-in|tx-envelope|2d296248ca88e298|00000002|00000002f0218408
< report|0.6|1795447344.045004|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.045177|smtp-in|tx-rcpt|2d296248ca88e298|00000002|ok|root@localhost
< report|0.6|1795447344.045350|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.045523|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.045696|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.045869|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.046042|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000002
< filter|0.6|1795447344.046216|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.046389|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.046562|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=rsa-sha256; d=ok.fault.test; s=k; h=from; bh=AAAA; b=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
< filter|0.6|1795447344.046735|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< report|0.6|1795447344.046908|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.047081|smtp-in|tx-data|2d296248ca88e298|00000002|ok
< filter|0.6|1795447344.047254|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.047427|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.047600|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.047773|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.047946|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.048120|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.048293|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=neutral (sig-too-large) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=rsa-sha256 header.b=AAAAAAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000002
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=rsa-sha256; d=ok.fault.test; s=k; h=from; bh=AAAA; b=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
< report|0.6|1795447344.048466|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.048639|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.048812|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.048985|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 00000002 Message accepted for delivery
< report|0.6|1795447344.049158|smtp-in|tx-commit|2d296248ca88e298|00000002|564
< report|0.6|1795447344.049331|smtp-in|tx-reset|2d296248ca88e298|00000002
< report|0.6|1795447344.049504|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.049677|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.049850|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.050024|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.050197|smtp-in|tx-begin|2d296248ca88e298|00000003
< report|0.6|1795447344.050370|smtp-in|tx-mail|2d296248ca88e298|00000003|ok|alice@example.test
< report|0.6|1795447344.050543|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.050716|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.050889|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.051062|smtp-in|tx-envelope|2d296248ca88e298|00000003|00000003f0218408
< report|0.6|1795447344.051235|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.051408|smtp-in|tx-rcpt|2d296248ca88e298|00000003|ok|root@localhost
< report|0.6|1795447344.051581|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.051754|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.051928|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.052101|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
< filter|0.6|1795447344.052274|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000003
< filter|0.6|1795447344.052447|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.052620|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.052793|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.052966|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< report|0.6|1795447344.053139|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.053312|smtp-in|tx-data|2d296248ca88e298|00000003|ok
< filter|0.6|1795447344.053485|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.053658|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.053832|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.054005|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.054178|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.054351|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.054524|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.054697|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.054870|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.055043|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.055216|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.055389|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.055562|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.055736|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.055909|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.056082|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.056255|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.056428|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.056601|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.056774|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.056947|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.057120|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.057293|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.057467|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.057640|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.057813|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.057986|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.058159|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.058332|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.058505|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.058678|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.058851|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.059024|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.059197|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.059371|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.059544|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.059717|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.059890|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.060063|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.060236|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.060409|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.060582|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.060755|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.060928|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.061101|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.061275|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.061448|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.061621|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.061794|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.061967|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.062140|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.062313|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.062486|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.062659|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.062832|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.063005|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.063179|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.063352|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.063525|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.063698|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.063871|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.064044|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.064217|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.064390|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.064563|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.064736|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.064909|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
< filter|0.6|1795447344.065083|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
< filter|0.6|1795447344.065256|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=8J99aZk6soE9PeXSeKOuVhA
< filter|0.6|1795447344.065429|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
< filter|0.6|1795447344.065602|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.065775|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< filter|0.6|1795447344.065948|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.066121|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.066294|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.066467|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.066640|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.066813|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Authentication-Results: mx.example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=fail (signature-mismatch) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=neutral (not-evaluated) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=AJ99aZk6;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	dkim=neutral (not-evaluated) header.d=ok.fault.test header.s=k
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	header.a=ed25519-sha256 header.b=8J99aZk6
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (<unknown> [192.0.2.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 00000003
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=AJ99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=ok.fault.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=k; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc; bh=M
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	OfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=8J99aZk6soE9PeXSeKOuVhA
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	29sZCn2dMtL604M6EQxyF8QpMwSwwi7HKAxaagdDS9qmlMWczpZ4Stjro390uCg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|.
< report|0.6|1795447344.066987|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.067160|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.067333|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.067506|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 00000003 Message accepted for delivery
< report|0.6|1795447344.067679|smtp-in|tx-commit|2d296248ca88e298|00000003|564
< report|0.6|1795447344.067852|smtp-in|tx-reset|2d296248ca88e298|00000003
< report|0.6|1795447344.068025|smtp-in|protocol-client|2d296248ca88e298|QUIT
< filter|0.6|1795447344.068198|smtp-in|quit|2d296248ca88e298|f91c620eb9a84967|
> filter-result|2d296248ca88e298|f91c620eb9a84967|proceed
< report|0.6|1795447344.068371|smtp-in|filter-response|2d296248ca88e298|quit|proceed
< report|0.6|1795447344.068544|smtp-in|protocol-server|2d296248ca88e298|221 2.0.0 Bye
< report|0.6|1795447344.068717|smtp-in|link-disconnect|2d296248ca88e298
