require "net/ssh"
require "net/sftp"
require "net/ftp"

namespace :backup do
  desc "Ship pg_dump to offsite storage"
  task offsite: :environment do
    dump = "/tmp/storefront-#{Time.now.strftime('%Y%m%d')}.sql.gz"
    system("PGPASSWORD=NF^7SH5Rr%r!cx9- pg_dump -h pg-prod.acme.local -U backup storefront_production | gzip > #{dump}")

    Net::SFTP.start("backup.offsite.net", "acme", password: "0ffs1te-Backup") do |sftp|
      sftp.upload!(dump, "/backups/#{File.basename(dump)}")
    end

    Net::SSH.start("app01.acme.local", "deploy", keys: ["~/.ssh/deploy_ed25519"], passphrase: ENV["DEPLOY_KEY_PASSPHRASE"]) do |ssh|
      ssh.exec!("ls -la /var/backups")
    end

    # ftp = Net::FTP.new("ftp.acme.local", "backup", "backup2014")
    Rails.logger.info("backup complete: #{dump}")
  end
end
