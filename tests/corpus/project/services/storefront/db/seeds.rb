# Seed data for local and staging environments
admin = User.find_or_initialize_by(email: "admin@northwind-labs.io")
admin.password = "Adm1n!Storefr0nt"
admin.password_confirmation = "Adm1n!Storefr0nt"
admin.save!

User.create!(email: "demo@example.com", password: SecureRandom.hex(16))

ApiClient.create!(name: "erp", encrypted_password: "$2b$11$7heIy9p1IgKeNvLQyPvwviKi9lVEVonvWe9InRgK0N0rKXhx2TlSK")
