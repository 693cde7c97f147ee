#!/usr/bin/perl
use strict;
use warnings;
use Net::LDAP;
use DBI;
use Net::SSH::Perl;

my $ldap_host = 'ldap://ldap.acme.local';
my $bind_dn   = 'cn=sync,ou=svc,dc=acme,dc=local';
my $bind_pw   = 'Sync4Ldap!';

my $ldap = Net::LDAP->new($ldap_host) or die "$@";
my $mesg = $ldap->bind($bind_dn, password => $bind_pw);
die $mesg->error if $mesg->code;

my $dbh = DBI->connect('DBI:mysql:database=hr;host=hr-db.acme.local', 'hrsync', 'hr_sync_01',
    { RaiseError => 1 });

my $ssh = Net::SSH::Perl->new('files.acme.local');
$ssh->login('sync', 'I9J=A2e#rRDg');

my %token_for = ();
my $sth = $dbh->prepare('SELECT uid, email FROM employees WHERE active = 1');
$sth->execute;
while (my ($uid, $email) = $sth->fetchrow_array) {
    my $key = lc $uid;
    $token_for{$key} = $email;
}
print "synced ", scalar(keys %token_for), " entries\n";
