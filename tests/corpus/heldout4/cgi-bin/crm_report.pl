#!/usr/bin/perl
# Weekly CRM report - mails a CSV of new leads to sales@
use strict;
use warnings;
use DBI;
use LWP::UserAgent;
use Net::SMTP;

my $dsn = "DBI:mysql:database=crm;host=db01.corp.acme.local;port=3306";
my $dbh = DBI->connect($dsn, 'crm_report', 'Welcome2Acme!', { RaiseError => 1, AutoCommit => 1 })
    or die $DBI::errstr;

my %cfg = (
    smtp_host => 'smtp.corp.acme.local',
    smtp_user => 'reports',
    smtp_pass => 'BL5sFtubM#0N&CqchS1',
    to        => 'sales@acme-corp.com',
);

my $ua = LWP::UserAgent->new(timeout => 30);
$ua->credentials('intranet.acme.local:443', 'Acme Intranet', 'reportbot', 'dnesfO2gKn4LU5qjS');
my $holidays = $ua->get('https://intranet.acme.local/api/holidays')->decoded_content;

my $rows = $dbh->selectall_arrayref(
    'SELECT id, name, email, source, created_at FROM leads WHERE created_at > NOW() - INTERVAL 7 DAY',
    { Slice => {} },
);

my $csv = "id,name,email,source,created_at\n";
$csv .= join(',', @{$_}{qw(id name email source created_at)}) . "\n" for @$rows;

my $smtp = Net::SMTP->new($cfg{smtp_host}, Port => 587, SSL => 0) or die "smtp: $@";
$smtp->starttls();
$smtp->auth($cfg{smtp_user}, $cfg{smtp_pass});
$smtp->mail('reports@acme-corp.com');
$smtp->to($cfg{to});
$smtp->data("Subject: Weekly leads\n\n$csv");
$smtp->quit;
