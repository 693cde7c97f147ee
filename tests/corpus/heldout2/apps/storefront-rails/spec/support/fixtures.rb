module Fixtures
  API_TOKEN = "test_token_123"
  WEBHOOK_SECRET = "5e365fe4fb2908b2356a6019ebc90606995da090"

  def self.user_attrs(overrides = {})
    { email: "spec@example.com", password: "Spec!Passw0rd", password_confirmation: "Spec!Passw0rd" }.merge(overrides)
  end

  def self.blank_password
    { email: "blank@example.com", password: "" }
  end
end

RSpec.describe "password policy" do
  it "rejects short passwords" do
    expect(PasswordPolicy.valid?("abc")).to be false
  end

  it "accepts strong passwords" do
    expect(PasswordPolicy.valid?("correct horse battery staple")).to be true
  end
end
