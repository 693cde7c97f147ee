import jetbrains.buildServer.configs.kotlin.*
import jetbrains.buildServer.configs.kotlin.buildSteps.script
import jetbrains.buildServer.configs.kotlin.triggers.vcs

version = "2023.11"

project {
    description = "Pocketvale mobile builds"

    params {
        // Tokens are stored in TeamCity's secure storage; these are references, not values.
        password("env.KEYSTORE_PASSWORD", "credentialsJSON:96f9b1b8-3d92-4f5b-bc05-ccd6d71a4777", display = ParameterDisplay.HIDDEN)
        password("env.MATCH_PASSWORD", "credentialsJSON:b1fd0ed1-7282-4202-83a0-719f67429f8f", display = ParameterDisplay.HIDDEN)
        password("env.APP_STORE_CONNECT_API_KEY", "credentialsJSON:df98516b-6864-4f1c-aea4-661c258e5f26", display = ParameterDisplay.HIDDEN)
        param("env.GODOT_VERSION", "4.2.1")
    }

    buildType(AndroidRelease)
    buildType(IosRelease)
}

object AndroidRelease : BuildType({
    name = "Android release (.aab)"
    artifactRules = "build/out/pocketvale/*.aab"
    steps {
        script {
            name = "Export"
            scriptContent = "godot --headless --export-release Android ../../build/out/pocketvale/Pocketvale.aab"
        }
        script {
            name = "Upload to Play (internal track)"
            scriptContent = "cd mobile && bundle exec fastlane android internal"
        }
    }
    triggers { vcs { branchFilter = "+:release/*" } }
})

object IosRelease : BuildType({
    name = "iOS release (.ipa)"
    steps {
        script {
            name = "Build + TestFlight"
            scriptContent = "cd mobile && bundle exec fastlane ios beta"
        }
    }
    requirements { contains("teamcity.agent.jvm.os.name", "Mac OS X") }
})
