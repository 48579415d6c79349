# The handshake alone, then EOF: exit 0.
@args -A mx.example.test example.test:rsa:$KEYS/rsa.key example.test:ed:$KEYS/ed.key
@handshake

