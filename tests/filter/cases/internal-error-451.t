# The spool file cannot grow (RLIMIT_FSIZE 1024, spool-max 4096, a larger
# message): the data still ends with '.', and commit is rejected with
# 451 4.7.0; the session goes on, and its next message (small) is signed.
@args -f $CONF/spool-fail.conf -A mx.example.test example.test:ed:$KEYS/ed.key
@mask
@fsize 1024
@handshake
< report|0.6|1795447344.000173|smtp-in|link-connect|2d296248ca88e298|localhost|pass|127.0.0.1:47646|127.0.0.1:25
< filter|0.6|1795447344.000346|smtp-in|connect|2d296248ca88e298|f91c6204b41c6c6b|localhost|127.0.0.1
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
< filter|0.6|1795447344.004500|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (localhost [127.0.0.1])
< filter|0.6|1795447344.004673|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 3e79045c
< filter|0.6|1795447344.004847|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.005020|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.005193|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.005366|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< report|0.6|1795447344.005539|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.005712|smtp-in|tx-data|2d296248ca88e298|3e79045c|ok
< filter|0.6|1795447344.005885|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.006058|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.006231|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.006404|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.006577|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.006751|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 0 of a message over the spool bound
< filter|0.6|1795447344.006924|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 1 of a message over the spool bound
< filter|0.6|1795447344.007097|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 2 of a message over the spool bound
< filter|0.6|1795447344.007270|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 3 of a message over the spool bound
< filter|0.6|1795447344.007443|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 4 of a message over the spool bound
< filter|0.6|1795447344.007616|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 5 of a message over the spool bound
< filter|0.6|1795447344.007789|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 6 of a message over the spool bound
< filter|0.6|1795447344.007962|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 7 of a message over the spool bound
< filter|0.6|1795447344.008135|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 8 of a message over the spool bound
< filter|0.6|1795447344.008308|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 9 of a message over the spool bound
< filter|0.6|1795447344.008482|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 10 of a message over the spool bound
< filter|0.6|1795447344.008655|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 11 of a message over the spool bound
< filter|0.6|1795447344.008828|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 12 of a message over the spool bound
< filter|0.6|1795447344.009001|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 13 of a message over the spool bound
< filter|0.6|1795447344.009174|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 14 of a message over the spool bound
< filter|0.6|1795447344.009347|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 15 of a message over the spool bound
< filter|0.6|1795447344.009520|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 16 of a message over the spool bound
< filter|0.6|1795447344.009693|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 17 of a message over the spool bound
< filter|0.6|1795447344.009866|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 18 of a message over the spool bound
< filter|0.6|1795447344.010039|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 19 of a message over the spool bound
< filter|0.6|1795447344.010212|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 20 of a message over the spool bound
< filter|0.6|1795447344.010386|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 21 of a message over the spool bound
< filter|0.6|1795447344.010559|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 22 of a message over the spool bound
< filter|0.6|1795447344.010732|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 23 of a message over the spool bound
< filter|0.6|1795447344.010905|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 24 of a message over the spool bound
< filter|0.6|1795447344.011078|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 25 of a message over the spool bound
< filter|0.6|1795447344.011251|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 26 of a message over the spool bound
< filter|0.6|1795447344.011424|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 27 of a message over the spool bound
< filter|0.6|1795447344.011597|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 28 of a message over the spool bound
< filter|0.6|1795447344.011770|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 29 of a message over the spool bound
< filter|0.6|1795447344.011943|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 30 of a message over the spool bound
< filter|0.6|1795447344.012116|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 31 of a message over the spool bound
< filter|0.6|1795447344.012290|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 32 of a message over the spool bound
< filter|0.6|1795447344.012463|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 33 of a message over the spool bound
< filter|0.6|1795447344.012636|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 34 of a message over the spool bound
< filter|0.6|1795447344.012809|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 35 of a message over the spool bound
< filter|0.6|1795447344.012982|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 36 of a message over the spool bound
< filter|0.6|1795447344.013155|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 37 of a message over the spool bound
< filter|0.6|1795447344.013328|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 38 of a message over the spool bound
< filter|0.6|1795447344.013501|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 39 of a message over the spool bound
< filter|0.6|1795447344.013674|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 40 of a message over the spool bound
< filter|0.6|1795447344.013847|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 41 of a message over the spool bound
< filter|0.6|1795447344.014020|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 42 of a message over the spool bound
< filter|0.6|1795447344.014194|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 43 of a message over the spool bound
< filter|0.6|1795447344.014367|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 44 of a message over the spool bound
< filter|0.6|1795447344.014540|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 45 of a message over the spool bound
< filter|0.6|1795447344.014713|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 46 of a message over the spool bound
< filter|0.6|1795447344.014886|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 47 of a message over the spool bound
< filter|0.6|1795447344.015059|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 48 of a message over the spool bound
< filter|0.6|1795447344.015232|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 49 of a message over the spool bound
< filter|0.6|1795447344.015405|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 50 of a message over the spool bound
< filter|0.6|1795447344.015578|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 51 of a message over the spool bound
< filter|0.6|1795447344.015751|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 52 of a message over the spool bound
< filter|0.6|1795447344.015924|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 53 of a message over the spool bound
< filter|0.6|1795447344.016098|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 54 of a message over the spool bound
< filter|0.6|1795447344.016271|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 55 of a message over the spool bound
< filter|0.6|1795447344.016444|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 56 of a message over the spool bound
< filter|0.6|1795447344.016617|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 57 of a message over the spool bound
< filter|0.6|1795447344.016790|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 58 of a message over the spool bound
< filter|0.6|1795447344.016963|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 59 of a message over the spool bound
< filter|0.6|1795447344.017136|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 60 of a message over the spool bound
< filter|0.6|1795447344.017309|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 61 of a message over the spool bound
< filter|0.6|1795447344.017482|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 62 of a message over the spool bound
< filter|0.6|1795447344.017655|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 63 of a message over the spool bound
< filter|0.6|1795447344.017828|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 64 of a message over the spool bound
< filter|0.6|1795447344.018002|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 65 of a message over the spool bound
< filter|0.6|1795447344.018175|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 66 of a message over the spool bound
< filter|0.6|1795447344.018348|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 67 of a message over the spool bound
< filter|0.6|1795447344.018521|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 68 of a message over the spool bound
< filter|0.6|1795447344.018694|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 69 of a message over the spool bound
< filter|0.6|1795447344.018867|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 70 of a message over the spool bound
< filter|0.6|1795447344.019040|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 71 of a message over the spool bound
< filter|0.6|1795447344.019213|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 72 of a message over the spool bound
< filter|0.6|1795447344.019386|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 73 of a message over the spool bound
< filter|0.6|1795447344.019559|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 74 of a message over the spool bound
< filter|0.6|1795447344.019732|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 75 of a message over the spool bound
< filter|0.6|1795447344.019906|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 76 of a message over the spool bound
< filter|0.6|1795447344.020079|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 77 of a message over the spool bound
< filter|0.6|1795447344.020252|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 78 of a message over the spool bound
< filter|0.6|1795447344.020425|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 79 of a message over the spool bound
< filter|0.6|1795447344.020598|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 80 of a message over the spool bound
< filter|0.6|1795447344.020771|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 81 of a message over the spool bound
< filter|0.6|1795447344.020944|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 82 of a message over the spool bound
< filter|0.6|1795447344.021117|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 83 of a message over the spool bound
< filter|0.6|1795447344.021290|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 84 of a message over the spool bound
< filter|0.6|1795447344.021463|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 85 of a message over the spool bound
< filter|0.6|1795447344.021636|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 86 of a message over the spool bound
< filter|0.6|1795447344.021810|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 87 of a message over the spool bound
< filter|0.6|1795447344.021983|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 88 of a message over the spool bound
< filter|0.6|1795447344.022156|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 89 of a message over the spool bound
< filter|0.6|1795447344.022329|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 90 of a message over the spool bound
< filter|0.6|1795447344.022502|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 91 of a message over the spool bound
< filter|0.6|1795447344.022675|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 92 of a message over the spool bound
< filter|0.6|1795447344.022848|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 93 of a message over the spool bound
< filter|0.6|1795447344.023021|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 94 of a message over the spool bound
< filter|0.6|1795447344.023194|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 95 of a message over the spool bound
< filter|0.6|1795447344.023367|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 96 of a message over the spool bound
< filter|0.6|1795447344.023540|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 97 of a message over the spool bound
< filter|0.6|1795447344.023714|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 98 of a message over the spool bound
< filter|0.6|1795447344.023887|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 99 of a message over the spool bound
< filter|0.6|1795447344.024060|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 100 of a message over the spool bound
< filter|0.6|1795447344.024233|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 101 of a message over the spool bound
< filter|0.6|1795447344.024406|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 102 of a message over the spool bound
< filter|0.6|1795447344.024579|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 103 of a message over the spool bound
< filter|0.6|1795447344.024752|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 104 of a message over the spool bound
< filter|0.6|1795447344.024925|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 105 of a message over the spool bound
< filter|0.6|1795447344.025098|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 106 of a message over the spool bound
< filter|0.6|1795447344.025271|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 107 of a message over the spool bound
< filter|0.6|1795447344.025445|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 108 of a message over the spool bound
< filter|0.6|1795447344.025618|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 109 of a message over the spool bound
< filter|0.6|1795447344.025791|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 110 of a message over the spool bound
< filter|0.6|1795447344.025964|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 111 of a message over the spool bound
< filter|0.6|1795447344.026137|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 112 of a message over the spool bound
< filter|0.6|1795447344.026310|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 113 of a message over the spool bound
< filter|0.6|1795447344.026483|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 114 of a message over the spool bound
< filter|0.6|1795447344.026656|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 115 of a message over the spool bound
< filter|0.6|1795447344.026829|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 116 of a message over the spool bound
< filter|0.6|1795447344.027002|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 117 of a message over the spool bound
< filter|0.6|1795447344.027175|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 118 of a message over the spool bound
< filter|0.6|1795447344.027349|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 119 of a message over the spool bound
< filter|0.6|1795447344.027522|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 120 of a message over the spool bound
< filter|0.6|1795447344.027695|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 121 of a message over the spool bound
< filter|0.6|1795447344.027868|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 122 of a message over the spool bound
< filter|0.6|1795447344.028041|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 123 of a message over the spool bound
< filter|0.6|1795447344.028214|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 124 of a message over the spool bound
< filter|0.6|1795447344.028387|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 125 of a message over the spool bound
< filter|0.6|1795447344.028560|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 126 of a message over the spool bound
< filter|0.6|1795447344.028733|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 127 of a message over the spool bound
< filter|0.6|1795447344.028906|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 128 of a message over the spool bound
< filter|0.6|1795447344.029079|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 129 of a message over the spool bound
< filter|0.6|1795447344.029253|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 130 of a message over the spool bound
< filter|0.6|1795447344.029426|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 131 of a message over the spool bound
< filter|0.6|1795447344.029599|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 132 of a message over the spool bound
< filter|0.6|1795447344.029772|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 133 of a message over the spool bound
< filter|0.6|1795447344.029945|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 134 of a message over the spool bound
< filter|0.6|1795447344.030118|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 135 of a message over the spool bound
< filter|0.6|1795447344.030291|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 136 of a message over the spool bound
< filter|0.6|1795447344.030464|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 137 of a message over the spool bound
< filter|0.6|1795447344.030637|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 138 of a message over the spool bound
< filter|0.6|1795447344.030810|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 139 of a message over the spool bound
< filter|0.6|1795447344.030983|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 140 of a message over the spool bound
< filter|0.6|1795447344.031157|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 141 of a message over the spool bound
< filter|0.6|1795447344.031330|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 142 of a message over the spool bound
< filter|0.6|1795447344.031503|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 143 of a message over the spool bound
< filter|0.6|1795447344.031676|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 144 of a message over the spool bound
< filter|0.6|1795447344.031849|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 145 of a message over the spool bound
< filter|0.6|1795447344.032022|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 146 of a message over the spool bound
< filter|0.6|1795447344.032195|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 147 of a message over the spool bound
< filter|0.6|1795447344.032368|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 148 of a message over the spool bound
< filter|0.6|1795447344.032541|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 149 of a message over the spool bound
< filter|0.6|1795447344.032714|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 150 of a message over the spool bound
< filter|0.6|1795447344.032887|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 151 of a message over the spool bound
< filter|0.6|1795447344.033061|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 152 of a message over the spool bound
< filter|0.6|1795447344.033234|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 153 of a message over the spool bound
< filter|0.6|1795447344.033407|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 154 of a message over the spool bound
< filter|0.6|1795447344.033580|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 155 of a message over the spool bound
< filter|0.6|1795447344.033753|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 156 of a message over the spool bound
< filter|0.6|1795447344.033926|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 157 of a message over the spool bound
< filter|0.6|1795447344.034099|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 158 of a message over the spool bound
< filter|0.6|1795447344.034272|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 159 of a message over the spool bound
< filter|0.6|1795447344.034445|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 160 of a message over the spool bound
< filter|0.6|1795447344.034618|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 161 of a message over the spool bound
< filter|0.6|1795447344.034791|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 162 of a message over the spool bound
< filter|0.6|1795447344.034965|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 163 of a message over the spool bound
< filter|0.6|1795447344.035138|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 164 of a message over the spool bound
< filter|0.6|1795447344.035311|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 165 of a message over the spool bound
< filter|0.6|1795447344.035484|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 166 of a message over the spool bound
< filter|0.6|1795447344.035657|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 167 of a message over the spool bound
< filter|0.6|1795447344.035830|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 168 of a message over the spool bound
< filter|0.6|1795447344.036003|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 169 of a message over the spool bound
< filter|0.6|1795447344.036176|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 170 of a message over the spool bound
< filter|0.6|1795447344.036349|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 171 of a message over the spool bound
< filter|0.6|1795447344.036522|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 172 of a message over the spool bound
< filter|0.6|1795447344.036695|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 173 of a message over the spool bound
< filter|0.6|1795447344.036869|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 174 of a message over the spool bound
< filter|0.6|1795447344.037042|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 175 of a message over the spool bound
< filter|0.6|1795447344.037215|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 176 of a message over the spool bound
< filter|0.6|1795447344.037388|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 177 of a message over the spool bound
< filter|0.6|1795447344.037561|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 178 of a message over the spool bound
< filter|0.6|1795447344.037734|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 179 of a message over the spool bound
< filter|0.6|1795447344.037907|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 180 of a message over the spool bound
< filter|0.6|1795447344.038080|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 181 of a message over the spool bound
< filter|0.6|1795447344.038253|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 182 of a message over the spool bound
< filter|0.6|1795447344.038426|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 183 of a message over the spool bound
< filter|0.6|1795447344.038599|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 184 of a message over the spool bound
< filter|0.6|1795447344.038773|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 185 of a message over the spool bound
< filter|0.6|1795447344.038946|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 186 of a message over the spool bound
< filter|0.6|1795447344.039119|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 187 of a message over the spool bound
< filter|0.6|1795447344.039292|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 188 of a message over the spool bound
< filter|0.6|1795447344.039465|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 189 of a message over the spool bound
< filter|0.6|1795447344.039638|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 190 of a message over the spool bound
< filter|0.6|1795447344.039811|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 191 of a message over the spool bound
< filter|0.6|1795447344.039984|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 192 of a message over the spool bound
< filter|0.6|1795447344.040157|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 193 of a message over the spool bound
< filter|0.6|1795447344.040330|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 194 of a message over the spool bound
< filter|0.6|1795447344.040504|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 195 of a message over the spool bound
< filter|0.6|1795447344.040677|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 196 of a message over the spool bound
< filter|0.6|1795447344.040850|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 197 of a message over the spool bound
< filter|0.6|1795447344.041023|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 198 of a message over the spool bound
< filter|0.6|1795447344.041196|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|line 199 of a message over the spool bound
< filter|0.6|1795447344.041369|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
>... 2d296248ca88e298
< report|0.6|1795447344.041542|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.041715|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
>~ filter-result\|2d296248ca88e298\|f91c6212f397a34c\|reject\|451 4\.7\.0 .*
< report|0.6|1795447344.041888|smtp-in|filter-response|2d296248ca88e298|commit|reject
< report|0.6|1795447344.042061|smtp-in|tx-rollback|2d296248ca88e298|3e79045c
< report|0.6|1795447344.042234|smtp-in|tx-reset|2d296248ca88e298|3e79045c
< report|0.6|1795447344.042408|smtp-in|protocol-client|2d296248ca88e298|MAIL FROM:<alice@example.test>
< filter|0.6|1795447344.042581|smtp-in|mail-from|2d296248ca88e298|f91c6209e20026e0|alice@example.test
> filter-result|2d296248ca88e298|f91c6209e20026e0|proceed
< report|0.6|1795447344.042754|smtp-in|filter-response|2d296248ca88e298|mail-from|proceed
< report|0.6|1795447344.042927|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 Ok
< report|0.6|1795447344.043100|smtp-in|tx-begin|2d296248ca88e298|4e79045c
< report|0.6|1795447344.043273|smtp-in|tx-mail|2d296248ca88e298|4e79045c|ok|alice@example.test
< report|0.6|1795447344.043446|smtp-in|protocol-client|2d296248ca88e298|RCPT TO:<root@localhost>
< filter|0.6|1795447344.043619|smtp-in|rcpt-to|2d296248ca88e298|f91c620a78ae5ec8|root@localhost
> filter-result|2d296248ca88e298|f91c620a78ae5ec8|proceed
< report|0.6|1795447344.043792|smtp-in|filter-response|2d296248ca88e298|rcpt-to|proceed
< report|0.6|1795447344.043965|smtp-in|tx-envelope|2d296248ca88e298|4e79045c|4e79045cf0218408
< report|0.6|1795447344.044138|smtp-in|protocol-server|2d296248ca88e298|250 2.1.5 Destination address valid: Recipient ok
< report|0.6|1795447344.044312|smtp-in|tx-rcpt|2d296248ca88e298|4e79045c|ok|root@localhost
< report|0.6|1795447344.044485|smtp-in|protocol-client|2d296248ca88e298|DATA
< filter|0.6|1795447344.044658|smtp-in|data|2d296248ca88e298|f91c620b10442e4c|
> filter-result|2d296248ca88e298|f91c620b10442e4c|proceed
< report|0.6|1795447344.044831|smtp-in|filter-response|2d296248ca88e298|data|proceed
< filter|0.6|1795447344.045004|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (localhost [127.0.0.1])
< filter|0.6|1795447344.045177|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 4e79045c
< filter|0.6|1795447344.045350|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	for <root@localhost>;
< filter|0.6|1795447344.045523|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|	Mon, 23 Nov 2026 15:22:24 +0000 (UTC)
< filter|0.6|1795447344.045696|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|From: Alice <alice@example.test>
< filter|0.6|1795447344.045869|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|To: Bob <bob@example.test>
< report|0.6|1795447344.046042|smtp-in|protocol-server|2d296248ca88e298|354 Enter mail, end with "." on a line by itself
< report|0.6|1795447344.046216|smtp-in|tx-data|2d296248ca88e298|4e79045c|ok
< filter|0.6|1795447344.046389|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Subject: plain message
< filter|0.6|1795447344.046562|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.046735|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|Hello Bob,
< filter|0.6|1795447344.046908|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|
< filter|0.6|1795447344.047081|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|this is a plain message.
< filter|0.6|1795447344.047254|smtp-in|data-line|2d296248ca88e298|f91c620c041fd4b6|.
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.test;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	s=ed; t=1700000000; h=from:from:reply-to:subject:subject:to:to:cc;
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	bh=MOfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=; b=9QcC73wznLYMEMFge2f
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	rlrmzFE7mOnWbjRdEiQpjGz0BV1Ow3+yVt4SK7USee+ufq8selLqoeSAs1s7aSF34Cg==
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|Received: from client.example.test (localhost [127.0.0.1])
> filter-dataline|2d296248ca88e298|f91c620c041fd4b6|	by mx.example.test (OpenSMTPD) with ESMTP id 4e79045c
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
< report|0.6|1795447344.047427|smtp-in|protocol-client|2d296248ca88e298|.
< filter|0.6|1795447344.047600|smtp-in|commit|2d296248ca88e298|f91c6212f397a34c|
> filter-result|2d296248ca88e298|f91c6212f397a34c|proceed
< report|0.6|1795447344.047773|smtp-in|filter-response|2d296248ca88e298|commit|proceed
< report|0.6|1795447344.047946|smtp-in|protocol-server|2d296248ca88e298|250 2.0.0 4e79045c Message accepted for delivery
< report|0.6|1795447344.048120|smtp-in|tx-commit|2d296248ca88e298|4e79045c|564
< report|0.6|1795447344.048293|smtp-in|tx-reset|2d296248ca88e298|4e79045c
< report|0.6|1795447344.048466|smtp-in|protocol-client|2d296248ca88e298|QUIT
< filter|0.6|1795447344.048639|smtp-in|quit|2d296248ca88e298|f91c620eb9a84967|
> filter-result|2d296248ca88e298|f91c620eb9a84967|proceed
< report|0.6|1795447344.048812|smtp-in|filter-response|2d296248ca88e298|quit|proceed
< report|0.6|1795447344.048985|smtp-in|protocol-server|2d296248ca88e298|221 2.0.0 Bye
< report|0.6|1795447344.049158|smtp-in|link-disconnect|2d296248ca88e298
