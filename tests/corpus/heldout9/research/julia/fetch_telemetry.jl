# fetch_telemetry.jl - pull aggregated session lengths for the playtime paper
using HTTP, JSON3, DataFrames, CSV, Dates

const BASE = "https://telemetry.lanternfall.games/v2/export"

function fetch_sessions(project::String, from::Date, to::Date)
    token = get(ENV, "LF_TELEMETRY_EXPORT_TOKEN", "")
    isempty(token) && error("set LF_TELEMETRY_EXPORT_TOKEN (ask ops, don't hard-code it)")
    q = Dict("project" => project, "from" => string(from), "to" => string(to), "agg" => "session_len")
    r = HTTP.get(BASE; query = q, headers = ["Authorization" => "Bearer $token"])
    rows = JSON3.read(String(r.body))
    DataFrame(rows)
end

function main()
    df = fetch_sessions("driftlight-client", Date(2023, 9, 1), Date(2024, 2, 29))
    CSV.write("data/driftlight_session_len.csv", df)
    println("wrote $(nrow(df)) rows")
end

abspath(PROGRAM_FILE) == @__FILE__ && main()
