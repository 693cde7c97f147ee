credentials += Credentials(Path.userHome / ".ivy2" / ".credentials")

credentials += Credentials(
  "Artifactory Realm",
  "artifactory.corp.example.net",
  "ci-publisher",
  "AKCp8Kx0PIZZC9QgWF7Aduqkp8DPLBQ2olUsrHA2gLDTWTF4A6kav5sgznjlcHWTnwR7h7xbn"
)
