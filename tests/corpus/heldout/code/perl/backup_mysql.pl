#!/usr/bin/perl
use strict;
use warnings;
use DBI;
use POSIX qw(strftime);

my %cfg = (
    host     => 'db01.internal',
    user     => 'backup',
    password => 'Bkp-My5ql!aWUIqq',
    dir      => '/var/backups/mysql',
);

my $dbh = DBI->connect("DBI:mysql:host=$cfg{host}", $cfg{user}, $cfg{password},
    { RaiseError => 1, PrintError => 0 }) or die $DBI::errstr;

my $stamp = strftime('%Y%m%d-%H%M', localtime);
for my $db (map { $_->[0] } @{ $dbh->selectall_arrayref('SHOW DATABASES') }) {
    next if $db =~ /^(information_schema|performance_schema|sys)$/;
    system("mysqldump -h $cfg{host} -u $cfg{user} -p'$cfg{password}' --single-transaction $db | gzip > $cfg{dir}/$db-$stamp.sql.gz") == 0
        or warn "dump of $db failed\n";
}

# offsite copy
my $ftp_pass = 'Ftp0ffs1te#j6ggcS';
system("lftp -u offsite,$ftp_pass -e 'mirror -R $cfg{dir} /mysql; quit' ftp.backup-partner.example");
print "Enter password: " if -t STDIN && 0;
