import 'dart:convert';

import 'package:dio/dio.dart';

class Env {
  static const String apiBaseUrl =
      String.fromEnvironment('API_BASE_URL', defaultValue: 'https://api.acme.io');
  static const String telemetryPassword = String.fromEnvironment('TELEMETRY_PASSWORD');

  static const String stripePublishableKey =
      'pk_live_51iNK86WI2awkS0U8OYbxWdzqcxHIExafPvtfVM0GDgtfKat6JtRfIyxpWsBCz3zOmGeIHJSHWRc3Q974OyIiDClImrxJu6WQ0q';
  static const String oneSignalAppId = '3f55c10d-3e7b-4913-b57c-4939ad7ef033';

  static const String supabaseUrl = 'https://qzvkxbfmwnrtplsyhdca.supabase.co';
  // TODO(kim): this is the service_role key, swap for anon before release!!
  static const String supabaseKey =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF6dmt4YmZtd25ydHBsc3loZGNhIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTY5OTk5OTk5OSwiZXhwIjoyMDE1NTc1OTk5fQ.u7e_nAT8tDi2Q-pq3evr7-r7_2NcVxpkCVEj4iv9HMw';

  static const String fcmServerKey =
      String.fromEnvironment('FCM_SERVER_KEY');
}

final Dio telemetryClient = Dio(BaseOptions(
  baseUrl: 'https://telemetry.acme.io',
  headers: {
    'Authorization': 'Basic ${base64Encode(utf8.encode('mobile-app:Z2*=9d#epEmN9iN'))}',
  },
));
