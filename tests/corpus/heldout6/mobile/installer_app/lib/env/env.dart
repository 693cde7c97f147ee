// Build-time configuration for the Corvane Installer app.
// Values passed with --dart-define win over the defaults below.

class Env {
  Env._();

  static const apiBaseUrl = String.fromEnvironment(
    'API_BASE_URL',
    defaultValue: 'https://installer-api.corvane.com',
  );

  static const flavor = String.fromEnvironment('FLAVOR', defaultValue: 'prod');

  /// Public style token, restricted to *.corvane.com URLs.
  static const mapboxPublicToken = 'pk.eyJ1IjoiY29ydmFuZSIsImEiOiJsMjdyZGp1NW82ajl3aXo4aDhiYm80b3hlIn0.LKVgOYpdhGt5_Bo1RCP2Rl';

  /// Secret token with DOWNLOADS:READ scope, needed for offline tile packs.
  static const mapboxDownloadsToken = 'sk.eyJ1IjoiY29ydmFuZSIsImEiOiI4eWJ0OTFkd2w5YTQ4aGcycTVmaHZkeXFkIn0.z82mr6sQqckc8Vcgm_Vqga';

  static const sentryDsn =
      'https://eabf02bd8fbd95aa35dc00dfdc9ff1e6@o45063586695227.ingest.sentry.io/4506171231369621';

  /// Firebase web config (public by design).
  static const firebaseApiKey = 'AIzaStrzx8WKk-PIjZ-iZSTUT4aNFsV31SW-O-E';
  static const firebaseProjectId = 'corvane-installer';

  /// Basic auth for the installer certificate portal (shared account, ask #installer-support).
  static const portalBasicAuth = 'installer:Lantern2021*';

  static const passwordHint = 'Enter your installer password';
  static const minPinLength = 6;
}
