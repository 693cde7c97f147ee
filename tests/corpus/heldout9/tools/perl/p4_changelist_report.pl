#!/usr/bin/perl
# Weekly report: submitted changelists per user per stream, mailed to producers.
use strict;
use warnings;
use POSIX qw(strftime);
use MIME::Lite;

my $P4PORT   = 'ssl:p4.lanternfall.internal:1666';
my $P4USER   = 'reporting';
my $P4PASSWD = 'r3port!ng';
my @STREAMS  = ('//Driftlight/main', '//Emberreach/main', '//Pocketvale/main');

my $since = strftime('%Y/%m/%d', localtime(time - 7 * 86400));
$ENV{P4PORT} = $P4PORT;
$ENV{P4USER} = $P4USER;
$ENV{P4PASSWD} = $P4PASSWD;

my %count;
for my $stream (@STREAMS) {
    open(my $fh, '-|', 'p4', 'changes', '-s', 'submitted', "$stream/...\@$since,\@now") or die "p4: $!";
    while (my $line = <$fh>) {
        if ($line =~ /^Change \d+ on \S+ by (\S+)\@/) {
            $count{$stream}{$1}++;
        }
    }
    close $fh;
}

my $body = "Changelists submitted since $since\n\n";
for my $stream (sort keys %count) {
    $body .= "$stream\n";
    for my $user (sort { $count{$stream}{$b} <=> $count{$stream}{$a} } keys %{ $count{$stream} }) {
        $body .= sprintf("  %-20s %4d\n", $user, $count{$stream}{$user});
    }
    $body .= "\n";
}

MIME::Lite->new(
    From    => 'p4-reports@lanternfall.games',
    To      => 'producers@lanternfall.games',
    Subject => "Weekly P4 report ($since)",
    Data    => $body,
)->send('smtp', 'smtp.lanternfall.internal', AuthUser => 'p4-reports', AuthPass => 'smtp-emcQyGyBtU');
