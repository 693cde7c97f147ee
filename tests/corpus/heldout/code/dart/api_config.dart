class ApiConfig {
  static const String baseUrl = 'https://api.example.com';
  static const String firebaseServerKey =
      'AAAAGFiWP4F:APA91bXGPf0atiu3lx2j5F4pxpWoEAaKfLuWpMExTlkHFGMB2fz4dVx58GpD3QzK4TjlisqeZ5ZmeNNPWqZnG5_5qgg4A_k6GneF71tupe9ctsLxM5ta4bMrQqxjKXfwbieZr-0A9Qiw';
  static const String oneSignalRestKey = 'b_6W1pcZzitW8j7RA6HA9TMpox5mhkbLGuRxtdGho-HKeTq4';

  final String username;
  final String password;

  const ApiConfig({required this.username, required this.password});

  static const demo = ApiConfig(username: 'demo@example.com', password: 'D3mo-Acme#App');

  Map<String, String> headers(String token) => {
        'Authorization': 'Bearer $token',
        'Content-Type': 'application/json',
      };
}
