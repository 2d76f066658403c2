// The ceiling for the app's micro-cache hit (npm run bench:public -- --only micro-cache): a Node HTTP
// server with nothing else in it, answering every request with the bytes and headers the app's hit
// sends (read from the JSON file given). What Node itself costs per answer on this machine.
//   node same-answer-server.mjs <answer.json> <port>
import fs from 'node:fs';
import http from 'node:http';

const [file, port] = process.argv.slice(2);
const answer = JSON.parse(fs.readFileSync(file, 'utf8'));
const body = Buffer.from(answer.body, 'base64');
const server = http.createServer((request, response) => {
  response.writeHead(answer.status, answer.headers);
  response.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), '127.0.0.1');
