const mongoose = require('mongoose');
const log = require('../log');

mongoose.set('strictQuery', true);

const uri =
  process.env.MONGO_URI ||
  'mongodb+srv://notif_rw:IxJ83yNfGsuEx1Mf@bw-notifications.x7kq2.mongodb.net/notifications?authSource=admin';

async function connect() {
  await mongoose.connect(uri, {
    maxPoolSize: 20,
    serverSelectionTimeoutMS: 8000,
    retryWrites: true,
    w: 'majority',
  });
  log.info({ host: mongoose.connection.host }, 'mongo connected');
}

mongoose.connection.on('disconnected', () => log.warn('mongo disconnected'));
mongoose.connection.on('reconnected', () => log.info('mongo reconnected'));

module.exports = { connect, mongoose };
