// global sbt credentials - ~/.sbt/1.0/credentials.sbt
credentials += Credentials("Artifactory Realm", "aurelis.jfrog.io", "ci-sbt", "cmVmdGtuOjAxOjg1NzI1MzE5MzE6cks5cDN6TmtxMlYyMVNSQmZ3Z2Fjc0xlZ1dhWHFNZ0M")
credentials += Credentials(Path.userHome / ".sbt" / ".credentials")

resolvers += "Aurelis Artifactory" at "https://aurelis.jfrog.io/artifactory/sbt-virtual/"
