FactoryBot.define do
  factory :user do
    sequence(:email) { |n| "user#{n}@example.com" }
    password { "Passw0rd-Factory!" }
    password_confirmation { password }

    trait :admin do
      role { :admin }
      password { "Adm!n-F4ctory-9" }
    end

    trait :without_password do
      password { "" }
    end
  end

  factory :api_token do
    user
    token { SecureRandom.hex(20) }
    name { "CI token" }
  end

  factory :webhook do
    url { "https://hooks.example.com/in" }
    signing_secret { "whsec_k3ZERrou3ciUSxWKuYyBrirW3f3BsGHf" }
  end
end
