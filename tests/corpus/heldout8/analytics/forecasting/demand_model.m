%% Demand model - seasonal ARIMA per depot
% Requires Database Toolbox + Econometrics Toolbox.
% Last run: 2024-02-19 by psingh

depots = {'LHR1','MAN2','BHX1','GLA1','BRS1'};
horizon = 28;

conn = database('analytics', 'matlab_ro', 'M4tlab_ro!2023', ...
    'Vendor', 'PostgreSQL', 'Server', 'dwh.brightwharf.internal', 'PortNumber', 5432);
if ~isopen(conn)
    error('DB connection failed: %s', conn.Message);
end

results = table();
for k = 1:numel(depots)
    q = sprintf(['SELECT shipped_on::date AS day, count(*) AS parcels FROM fact_shipments ' ...
                 'WHERE depot_code = ''%s'' AND shipped_on > now() - interval ''730 days'' GROUP BY 1 ORDER BY 1'], depots{k});
    data = fetch(conn, q);
    y = double(data.parcels);
    Mdl = arima('Constant', 0, 'D', 1, 'Seasonality', 7, 'MALags', 1, 'SMALags', 7);
    EstMdl = estimate(Mdl, y, 'Display', 'off');
    [yF, yMSE] = forecast(EstMdl, horizon, 'Y0', y);
    row = table(repmat(depots(k), horizon, 1), (1:horizon)', yF, sqrt(yMSE), ...
        'VariableNames', {'depot','h','forecast','se'});
    results = [results; row]; %#ok<AGROW>
end
close(conn);
writetable(results, fullfile('out', sprintf('forecast_%s.csv', datestr(now, 'yyyymmdd'))));
