module.exports = {
  development: {
    client: 'pg',
    connection: {
      host: 'localhost',
      user: 'web',
      password: process.env.DB_PASSWORD,
      database: 'web_dev',
    },
  },
  staging: {
    client: 'pg',
    connection: 'postgres://web:w3b-St4g1ng-DB@db.staging.internal:5432/web',
  },
  production: {
    client: 'mysql2',
    connection: {
      host: 'mysql.internal',
      user: 'web',
      password: 'W3bPr0d!mysql',
      database: 'web',
    },
    pool: { min: 2, max: 10 },
  },
};
