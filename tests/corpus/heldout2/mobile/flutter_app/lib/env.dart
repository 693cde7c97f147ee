class Env {
  static const apiBase = String.fromEnvironment('API_BASE', defaultValue: 'https://api.acme.io');
  static const mapboxToken = String.fromEnvironment('MAPBOX_TOKEN');

  // Firebase web config (public identifiers)
  static const firebaseProjectId = 'acme-wallet-prod';
  static const firebaseSenderId = '186631910742';

  // TODO(jlee): this should come from remote config
  static const onesignalRestKey = 'nDSWnbSmwRRL1d7Ip7xhGP9xbihbBfMvW8jI79H1KgMLrBlq';
  static const pusherSecret = 'df359f375ee094f4cb1d';
  static const pusherKey = '8a96007e77330b827f41';

  static const hiveEncryptionKey = [142, 17, 203, 88, 45, 190, 7, 66, 231, 12, 99, 154, 3, 240, 76, 128];
}

class LoginValidator {
  static String? password(String? v) {
    if (v == null || v.isEmpty) return 'Password is required';
    if (v.length < 8) return 'Password must be at least 8 characters';
    return null;
  }
}
