/// Build-time configuration for the Acme field app.
class Env {
  static const String supabaseUrl = 'https://dnpxzfzsoyhtdjinhupy.supabase.co';

  /// anon key: row level security applies, safe to ship in the app
  static const String supabaseAnonKey =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImRucHh6Znpzb3lodGRqaW5odXB5Iiwicm9sZSI6ImFub24iLCJpYXQiOjE2OTgzMDEyMzQsImV4cCI6MjAxMzg3NzIzNH0._DHYQskw1miFgGHFzrmVkZACXiu2Pn4MEIgDC_NME37';

  /// used by the offline sync worker to bypass RLS when replaying the queue
  static const String supabaseServiceKey =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImRucHh6Znpzb3lodGRqaW5odXB5Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTY5ODMwMTIzNCwiZXhwIjoyMDEzODc3MjM0fQ.YztMO8VOoBjLQ8Ew9dYQQ-dGvRlLHI1N2q69KgAPynp';

  static const String telegramBotToken = '2510378083:AAJt56K-Ogs6fyyIG8IUzlXj2QhMLlOOdDe';
  static const String telegramChatId = '-1001874512233';

  static const Duration syncInterval = Duration(minutes: 5);
}
