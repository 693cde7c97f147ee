function T = load_playtests(fromDate, toDate)
%LOAD_PLAYTESTS Load playtest questionnaire responses for the given window.
%   T = LOAD_PLAYTESTS('2024-01-01', '2024-02-29')
%
%   Needs the Database Toolbox and the PostgreSQL JDBC driver on the javaclasspath.

if nargin < 2
    toDate = datestr(now, 'yyyy-mm-dd');
end

conn = database('playtests', 'analyst_matlab', 'mat-nfZ6JbOaaS', ...
    'Vendor', 'PostgreSQL', 'Server', 'pg-playtest.lanternfall-labs.ac.uk', 'PortNumber', 5432);
if ~isopen(conn)
    error('load_playtests:db', 'could not connect: %s', conn.Message);
end

q = sprintf(['SELECT participant_id, session_id, build, q_fun, q_difficulty, q_nps, submitted_at ' ...
             'FROM questionnaire WHERE submitted_at BETWEEN ''%s'' AND ''%s'''], fromDate, toDate);
T = fetch(conn, q);
close(conn);

% attach build metadata from the build server
opts = weboptions('Username', 'labs-readonly', 'Password', 'labsRO-rqkO6k', 'Timeout', 30);
builds = webread('https://builds.lanternfall.internal/api/builds?project=driftlight', opts);
T = outerjoin(T, struct2table(builds), 'Keys', 'build', 'MergeKeys', true);
end
