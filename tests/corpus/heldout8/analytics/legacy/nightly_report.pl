#!/usr/bin/perl
# nightly_report.pl - emails the depot managers yesterday's exceptions
# cron: 30 5 * * 1-6  /opt/reports/nightly_report.pl
use strict;
use warnings;
use DBI;
use Net::SMTP;
use POSIX qw(strftime);

my $dbh = DBI->connect(
    "DBI:mysql:database=wms;host=wms-db01.brightwharf.internal;port=3306",
    "report_user", "rep0rt_user",
    { RaiseError => 1, AutoCommit => 1 }
) or die "Cannot connect: $DBI::errstr";

my $yday = strftime("%Y-%m-%d", localtime(time - 86400));
my $sth = $dbh->prepare(q{
    SELECT depot, exception_code, COUNT(*) FROM scan_exceptions
    WHERE DATE(created_at) = ? GROUP BY depot, exception_code ORDER BY depot
});
$sth->execute($yday);

my %by_depot;
while (my ($depot, $code, $n) = $sth->fetchrow_array) {
    push @{ $by_depot{$depot} }, sprintf("  %-24s %6d", $code, $n);
}

my $smtp = Net::SMTP->new('smtp.office365.com', Port => 587, Timeout => 30) or die "smtp: $!";
$smtp->starttls();
$smtp->auth('reports@brightwharf.com', 'Reports!Nightly9');
for my $depot (sort keys %by_depot) {
    my $to = lc($depot) . '-managers@brightwharf.com';
    $smtp->mail('reports@brightwharf.com');
    $smtp->to($to);
    $smtp->data();
    $smtp->datasend("To: $to\nSubject: [$depot] scan exceptions for $yday\n\n");
    $smtp->datasend(join("\n", @{ $by_depot{$depot} }) . "\n");
    $smtp->dataend();
}
$smtp->quit;
$dbh->disconnect;
