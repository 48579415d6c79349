#!/usr/bin/perl
#
# Copyright (c) 2026 The dkimkit developers
#
# Permission to use, copy, modify, and distribute this software for any
# purpose with or without fee is hereby granted, provided that the above
# copyright notice and this permission notice appear in all copies.
#
# THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
# WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
# MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
# ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
# WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
# ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
# OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
#
# bench/peer_maildkim.pl DIR: Mail::DKIM (Debian's libmail-dkim-perl)
# signs and verifies the benchmark messages laid out in DIR by
# bench/run.sh, and prints RESULT lines as bench/benchlib.c does. This
# Mail::DKIM has no Ed25519: that algorithm is reported as NA.

use strict;
use warnings;

use Mail::DKIM::DNS;
use Mail::DKIM::PrivateKey;
use Mail::DKIM::Signer;
use Mail::DKIM::Verifier;
use Net::DNS;
use Time::HiRes qw(clock_gettime CLOCK_MONOTONIC CLOCK_PROCESS_CPUTIME_ID);

my $LIB = 'mail-dkim';
my $DOMAIN = 'bench.example';
my $MIN_ITERS = 3;
my @SIZES = (2048, 65536, 1048576, 10485760);
my %RECORD;

sub
slurp
{
	my ($path) = @_;
	open my $fh, '<:raw', $path or die "cannot read $path: $!\n";
	local $/;
	my $data = <$fh>;
	close $fh;
	$data =~ s/\s+$// if $path =~ /\.txt$/;
	return $data;
}

# Key records from memory: no DNS is measured.
sub
fake_query
{
	my ($name, $type) = @_;
	my $rec = $RECORD{ lc($name =~ s/\.$//r) };
	if (!defined $rec) {
		$@ = 'NXDOMAIN';
		return;
	}
	$@ = 'NOERROR';
	return Net::DNS::RR->new(name => $name, type => 'TXT',
	    txtdata => [ unpack '(A255)*', $rec ]);
}

sub
run
{
	my ($op, $alg, $size, $fn) = @_;
	my $target = $ENV{DK_BENCH_SECONDS} || 1.5;
	my $wall0 = clock_gettime(CLOCK_MONOTONIC);
	my $cpu0 = clock_gettime(CLOCK_PROCESS_CPUTIME_ID);
	my ($iters, $wall) = (0, 0);
	while ($iters < $MIN_ITERS || $wall < $target) {
		$fn->() or die "$LIB $op $alg $size: failed\n";
		$iters++;
		$wall = clock_gettime(CLOCK_MONOTONIC) - $wall0;
	}
	printf "RESULT %s %s %s %d %d %.6f %.6f\n", $LIB, $op, $alg, $size,
	    $iters, $wall, clock_gettime(CLOCK_PROCESS_CPUTIME_ID) - $cpu0;
}

sub
sign_one
{
	my ($key, $msg) = @_;
	my $s = Mail::DKIM::Signer->new(Algorithm => 'rsa-sha256',
	    Method => 'relaxed', Domain => $DOMAIN, Selector => 'rsa',
	    Key => $key);
	$s->PRINT($msg);
	$s->CLOSE;
	return defined $s->signature;
}

sub
verify_one
{
	my ($msg) = @_;
	my $v = Mail::DKIM::Verifier->new();
	$v->PRINT($msg);
	$v->CLOSE;
	return $v->result eq 'pass';
}

@ARGV == 1 or die "usage: peer_maildkim.pl DIR\n";
my $dir = $ARGV[0];
$RECORD{"rsa._domainkey.$DOMAIN"} = slurp("$dir/rsa.txt");
{
	no warnings 'redefine';
	*Mail::DKIM::DNS::query = \&fake_query;
}
$| = 1;
my $key = Mail::DKIM::PrivateKey->load(File => "$dir/rsa.key");
for my $size (@SIZES) {
	my $msg = slurp("$dir/msgs/$size.eml");
	my $smsg = slurp("$dir/msgs/$size.rsa.eml");
	run('sign', 'rsa-sha256', $size, sub { sign_one($key, $msg) });
	run('verify', 'rsa-sha256', $size, sub { verify_one($smsg) });
}
print "NA $LIB ed25519-sha256\n";
