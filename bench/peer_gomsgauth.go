//
// Copyright (c) 2026 The dkimkit developers
//
// Permission to use, copy, modify, and distribute this software for any
// purpose with or without fee is hereby granted, provided that the above
// copyright notice and this permission notice appear in all copies.
//
// THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
// WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
// MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
// ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
// WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
// ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
// OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.

// peer_gomsgauth DIR: go-msgauth (Debian's
// golang-github-emersion-go-msgauth-dev) signs and verifies the
// benchmark messages laid out in DIR by bench/run.sh, and prints RESULT
// lines as bench/benchlib.c does. bench/run.sh builds it in GOPATH mode
// and runs it with GOMAXPROCS=1: one core, as for every other peer.
package main

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/emersion/go-msgauth/dkim"
)

const (
	lib      = "go-msgauth"
	domain   = "bench.example"
	minIters = 3
)

var sizes = []int{2048, 65536, 1048576, 10485760}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

func run(op, alg string, size int, fn func() error) {
	target := 1.5
	if v, err := strconv.ParseFloat(os.Getenv("DK_BENCH_SECONDS"), 64); err == nil && v > 0 {
		target = v
	}
	wall0, cpu0 := time.Now(), cpuSeconds()
	iters, wall := 0, 0.0
	for iters < minIters || wall < target {
		if err := fn(); err != nil {
			fmt.Fprintf(os.Stderr, "%s %s %s %d: %v\n", lib, op, alg, size, err)
			os.Exit(1)
		}
		iters++
		wall = time.Since(wall0).Seconds()
	}
	fmt.Printf("RESULT %s %s %s %d %d %.6f %.6f\n", lib, op, alg, size, iters,
		wall, cpuSeconds()-cpu0)
}

func slurp(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return b
}

func loadKey(path string) crypto.Signer {
	block, _ := pem.Decode(slurp(path))
	if block == nil {
		fmt.Fprintf(os.Stderr, "%s: no PEM block\n", path)
		os.Exit(1)
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
		os.Exit(1)
	}
	return key.(crypto.Signer)
}

func signOne(opts *dkim.SignOptions, msg []byte) error {
	s, err := dkim.NewSigner(opts)
	if err != nil {
		return err
	}
	if _, err := s.Write(msg); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	if s.Signature() == "" {
		return fmt.Errorf("no signature")
	}
	return nil
}

func verifyOne(vo *dkim.VerifyOptions, msg []byte) error {
	v, err := dkim.VerifyWithOptions(bytes.NewReader(msg), vo)
	if err != nil {
		return err
	}
	if len(v) != 1 {
		return fmt.Errorf("%d verifications", len(v))
	}
	return v[0].Err
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: peer_gomsgauth DIR")
		os.Exit(64)
	}
	dir := os.Args[1]
	records := map[string]string{}
	for _, sel := range []string{"rsa", "ed"} {
		rec := strings.TrimSpace(string(slurp(dir + "/" + sel + ".txt")))
		records[sel+"._domainkey."+domain] = rec
	}
	vo := &dkim.VerifyOptions{LookupTXT: func(name string) ([]string, error) {
		if rec, ok := records[strings.TrimSuffix(name, ".")]; ok {
			return []string{rec}, nil
		}
		return nil, fmt.Errorf("no record for %s", name)
	}}
	for _, k := range []struct{ alg, sel string }{
		{"rsa-sha256", "rsa"}, {"ed25519-sha256", "ed"},
	} {
		opts := &dkim.SignOptions{Domain: domain, Selector: k.sel,
			Signer:                 loadKey(dir + "/" + k.sel + ".key"),
			HeaderCanonicalization: dkim.CanonicalizationRelaxed,
			BodyCanonicalization:   dkim.CanonicalizationRelaxed}
		for _, size := range sizes {
			msg := slurp(fmt.Sprintf("%s/msgs/%d.eml", dir, size))
			smsg := slurp(fmt.Sprintf("%s/msgs/%d.%s.eml", dir, size, k.sel))
			run("sign", k.alg, size, func() error { return signOne(opts, msg) })
			run("verify", k.alg, size, func() error { return verifyOne(vo, smsg) })
		}
	}
}
