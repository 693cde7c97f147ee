#!/usr/bin/perl
use strict;
use warnings;
use DBI;
use Net::SMTP;

my $db_user = 'report';
my $db_pass = 'r3p0rt_n1ghtly';
my %smtp = (
    host     => 'smtp.northwind-labs.io',
    user     => 'reports@northwind-labs.io',
    password => "Mail4Reports!",
);
my $password_file = '/etc/app/db.pass';

my $dbh = DBI->connect("DBI:mysql:database=portal;host=mysql-legacy.internal", $db_user, $db_pass)
    or die "cannot connect: $DBI::errstr";

my $smtp = Net::SMTP->new($smtp{host}, Port => 587);
$smtp->starttls();
$smtp->auth($smtp{user}, $smtp{password});

sub check_password {
    my ($password, $confirm) = @_;
    return $password eq $confirm;
}
