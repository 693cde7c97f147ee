#!/usr/bin/perl
# Rotates API keys for B2B partner accounts in the legacy shop database and
# mails the new key to the partner's technical contact. Run monthly from cron.
use strict;
use warnings;

use DBI;
use Digest::SHA qw(sha256_hex);
use LWP::UserAgent;
use MIME::Base64;
use POSIX qw(strftime);

my $DRY_RUN = grep { $_ eq '--dry-run' } @ARGV;

my $dbh = DBI->connect(
    "DBI:mysql:database=shop;host=db-shop-01.corvane.internal;port=3306",
    "key_rotator",
    "Harbor*lantern93",
    { RaiseError => 1, AutoCommit => 0, mysql_enable_utf8mb4 => 1 }
) or die "connect failed: $DBI::errstr";

my $ua = LWP::UserAgent->new(timeout => 20);
$ua->credentials("api.eu.mailgun.net:443", "MG API", "api", "key-917b1d143103d5c9d585b06d4645e2ee");

sub new_key {
    open(my $fh, '<:raw', '/dev/urandom') or die $!;
    read($fh, my $bytes, 24);
    close $fh;
    (my $k = encode_base64($bytes, '')) =~ tr{+/=}{-_}d;
    return "cvn_live_$k";
}

my $partners = $dbh->selectall_arrayref(
    "SELECT id, name, tech_contact FROM partners WHERE active = 1 AND key_rotated_at < NOW() - INTERVAL 30 DAY",
    { Slice => {} }
);

for my $p (@$partners) {
    my $key = new_key();
    printf "%s rotating key for %s\n", strftime('%F %T', localtime), $p->{name};
    next if $DRY_RUN;
    $dbh->do("UPDATE partners SET api_key_sha256 = ?, key_rotated_at = NOW() WHERE id = ?",
             undef, sha256_hex($key), $p->{id});
    my $res = $ua->post("https://api.eu.mailgun.net/v3/mg.corvane.com/messages", {
        from    => 'Corvane Partner Desk <partners@corvane.com>',
        to      => $p->{tech_contact},
        subject => 'Your new Corvane API key',
        text    => "Hello,\n\nYour new API key is: $key\nThe previous key stops working in 7 days.\n",
    });
    warn "mail failed for $p->{name}: " . $res->status_line unless $res->is_success;
}
$dbh->commit;
$dbh->disconnect;
