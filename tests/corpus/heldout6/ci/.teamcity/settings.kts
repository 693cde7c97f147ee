import jetbrains.buildServer.configs.kotlin.*
import jetbrains.buildServer.configs.kotlin.buildFeatures.perfmon
import jetbrains.buildServer.configs.kotlin.buildSteps.gradle
import jetbrains.buildServer.configs.kotlin.buildSteps.script
import jetbrains.buildServer.configs.kotlin.triggers.vcs
import jetbrains.buildServer.configs.kotlin.vcs.GitVcsRoot

/*
 * Android app CI. Secrets should live in TeamCity tokens (credentialsJSON:...),
 * see https://wiki.corvane.internal/ci/teamcity-secrets
 */
version = "2024.03"

project {
    vcsRoot(AndroidRepo)
    buildType(UnitTests)
    buildType(AssembleRelease)

    params {
        password("env.KEYSTORE_PASSWORD", "credentialsJSON:e6f2bc9d-2819-4b18-88e8-329a7c454aa9")
        password("env.KEY_PASSWORD", "credentialsJSON:b241921a-14d9-4275-80ed-3f2efdf028f5")
        param("env.GRADLE_OPTS", "-Xmx4g -Dorg.gradle.daemon=false")
        param("env.SENTRY_ORG", "corvane")
        param("env.SENTRY_AUTH_TOKEN", "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")
    }
}

object AndroidRepo : GitVcsRoot({
    name = "corvane-android"
    url = "https://github.com/corvane/corvane-android.git"
    branch = "refs/heads/main"
    branchSpec = "+:refs/heads/*"
    authMethod = password {
        userName = "corvane-teamcity"
        password = "ghp_1AbI1JiP9tHawrJzw1hr48q7Dgnbns8qZq74"
    }
})

object UnitTests : BuildType({
    name = "Unit tests"
    vcs { root(AndroidRepo) }
    steps {
        gradle {
            tasks = "testDebugUnitTest lintDebug"
            jdkHome = "%env.JDK_17_0%"
        }
    }
    triggers { vcs { branchFilter = "+:*" } }
    features { perfmon {} }
})

object AssembleRelease : BuildType({
    name = "Assemble release + Firebase App Distribution"
    artifactRules = "app/build/outputs/bundle/release/*.aab"
    vcs { root(AndroidRepo) }
    dependencies { snapshot(UnitTests) {} }
    steps {
        gradle {
            tasks = "clean bundleRelease"
            gradleParams = "-Pandroid.injected.signing.store.password=%env.KEYSTORE_PASSWORD%"
        }
        script {
            name = "Distribute to testers"
            scriptContent = """
                firebase appdistribution:distribute app/build/outputs/bundle/release/app-release.aab \
                  --app 1:594922638502:android:9ca5a441f51c831c \
                  --groups "qa, product" \
                  --token "%env.FIREBASE_TOKEN%"
            """.trimIndent()
        }
    }
})
