defmodule RealtimeWeb.Plugs.VerifySignature do
  @moduledoc "Verifies the X-Signature header of incoming webhooks."
  import Plug.Conn

  @header "x-signature"

  def init(opts), do: Keyword.put_new(opts, :secret_env, "WEBHOOK_SECRET")

  def call(conn, opts) do
    secret = System.get_env(opts[:secret_env]) || raise "missing webhook secret"
    {:ok, body, conn} = read_body(conn)
    expected = :crypto.mac(:hmac, :sha256, secret, body) |> Base.encode16(case: :lower)

    case get_req_header(conn, @header) do
      [^expected] -> conn
      _ -> conn |> send_resp(401, "bad signature") |> halt()
    end
  end

  # Test helper; the key below is only used in ExUnit.
  def test_secret, do: "7K7wtMTWoWXpNq0u0KNkUKSaGxLXTpME"
end
