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
# The Mail::DKIM side of the interop tests (Debian 1.20230212: RSA only).
# One process per batch, tab-separated jobs on stdin, one per line.
#
# peer_maildkim.pl verify DNSFILE
#     job: CASE FILE NRSA REPRO
#     The message must carry exactly NRSA rsa-* signatures and each must
#     pass; other algorithms (ed25519, which this version cannot check) are
#     ignored.  Key lookups are answered from DNSFILE: Mail::DKIM::DNS::query
#     is replaced, as Mail::DKIM's own test suite does.  Prints "PASS CASE"
#     or "FAIL CASE: why ...".
# peer_maildkim.pl sign NOW
#     job: IN OUT CANON DOMAIN SELECTOR KEYFILE STYLE
#     STYLE "default" signs Mail::DKIM's default header set, each field
#     present once; "extended" also oversigns From and Subject.
#     KeyFile takes our PEM PKCS#8 as it is: Mail::DKIM relabels the base64
#     as "RSA PRIVATE KEY", and OpenSSL 3's decoder still reads PKCS#8.
#     Writes OUT, or OUT.err with the reason; prints nothing.

use strict;
use warnings;

use Mail::DKIM::DNS;
use Mail::DKIM::Signer;
use Mail::DKIM::Verifier;
use Net::DNS;

my %DNS;

sub
norm
{
	my ($name) = @_;
	$name = lc $name;
	$name =~ s/\.$//;
	return $name;
}

# The --dns-file format of vectors/README.md; the strings of a record stay
# separate character-strings, as they would arrive from DNS.
sub
load_dns
{
	my ($path) = @_;
	open my $fh, '<', $path or die "cannot read $path: $!\n";
	while (my $line = <$fh>) {
		next if $line =~ /^#/;
		my ($name, $type, $rest) = split ' ', $line, 3;
		next unless defined $rest && uc $type eq 'TXT';
		my @strings = map { s/\\(.)/$1/gr }
		    ($rest =~ /"((?:[^"\\]|\\.)*)"/g);
		push @{ $DNS{ norm($name) } }, \@strings;
	}
	close $fh;
}

sub
fake_query
{
	my ($name, $type) = @_;
	my $recs = $DNS{ norm($name) };
	if (!$recs || uc $type ne 'TXT') {
		$@ = 'NXDOMAIN';
		return;
	}
	$@ = 'NOERROR';
	return map { Net::DNS::RR->new(name => norm($name), type => 'TXT',
	    txtdata => $_) } @$recs;
}

sub
slurp
{
	my ($path) = @_;
	open my $fh, '<:raw', $path or die "cannot read $path: $!\n";
	local $/;
	my $data = <$fh>;
	close $fh;
	return $data;
}

sub
verify_one
{
	my ($path, $nrsa) = @_;
	my $v = Mail::DKIM::Verifier->new();
	$v->PRINT(slurp($path));
	$v->CLOSE;
	my @rsa = grep { ($_->algorithm // '') =~ /^rsa-/ } $v->signatures;
	return scalar(@rsa) . " rsa signatures, want $nrsa"
	    if @rsa != $nrsa;
	my @bad;
	for my $i (0 .. $#rsa) {
		my $r = $rsa[$i]->result // 'none';
		next if $r eq 'pass';
		push @bad, "rsa sig $i: $r (" .
		    ($rsa[$i]->result_detail // '') . ")";
	}
	return join '; ', @bad;
}

sub
cmd_verify
{
	my ($dnspath) = @_;
	load_dns($dnspath);
	{
		no warnings 'redefine';
		*Mail::DKIM::DNS::query = \&fake_query;
	}
	$| = 1;
	while (my $line = <STDIN>) {
		chomp $line;
		my ($case, $path, $nrsa, $repro) = split /\t/, $line, 4;
		my $why = eval { verify_one($path, $nrsa) };
		$why = "Mail::DKIM died: $@" unless defined $why;
		$why =~ s/\s+$//;
		if ($why eq '') {
			print "PASS $case\n";
		} else {
			print "FAIL $case: Mail::DKIM: $why; message $path; " .
			    "reproduce: $repro\n";
		}
	}
}

sub
sign_one
{
	my ($in, $out, $canon, $domain, $selector, $keyfile, $style, $now) = @_;
	my $s = Mail::DKIM::Signer->new(Algorithm => 'rsa-sha256',
	    Method => $canon, Domain => $domain, Selector => $selector,
	    KeyFile => $keyfile, Timestamp => $now);
	$s->extended_headers({ From => '+', Subject => '+' })
	    if $style eq 'extended';
	my $msg = slurp($in);
	$s->PRINT($msg);
	$s->CLOSE;
	my $sig = $s->signature or die "no signature produced\n";
	open my $fh, '>:raw', $out or die "cannot write $out: $!\n";
	print $fh $sig->as_string, "\015\012", $msg;
	close $fh or die "cannot write $out: $!\n";
}

sub
cmd_sign
{
	my ($now) = @_;
	while (my $line = <STDIN>) {
		chomp $line;
		my @job = split /\t/, $line;
		next if eval { sign_one(@job, $now); 1 };
		my $err = $@;
		open my $fh, '>', "$job[1].err" or die "$job[1].err: $!\n";
		print $fh "Mail::DKIM sign died: $err";
		close $fh;
	}
}

if (@ARGV == 2 && $ARGV[0] eq 'verify') {
	cmd_verify($ARGV[1]);
} elsif (@ARGV == 2 && $ARGV[0] eq 'sign') {
	cmd_sign($ARGV[1]);
} else {
	print STDERR "usage: peer_maildkim.pl verify DNSFILE | sign NOW\n";
	exit 64;
}
exit 0;
