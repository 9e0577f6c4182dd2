// Starts s3rver on a free loopback port with bucket "backups", data under argv[2];
// prints "LISTENING <port>" for the test that started it, and stops when stdin closes.
const S3rver = require('s3rver');
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory: process.argv[2],
  configureBuckets: [{ name: 'backups' }],
});
server.run().then(({ port }) => console.log('LISTENING ' + port));
process.stdin.on('end', () => server.close().then(() => process.exit(0)));
process.stdin.resume();
