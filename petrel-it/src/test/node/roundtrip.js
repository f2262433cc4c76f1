// Connects mqtt.js to a Petrel WebSocket URL, subscribes, publishes one message to itself and prints what
// arrived. Usage: node roundtrip.js URL [CA_FILE]. Exits non-zero on any error or after 30 seconds.
'use strict';
const fs = require('fs');
const mqtt = require('mqtt');

const [url, caFile] = process.argv.slice(2);
const topic = 'mqttjs/' + process.pid;
const options = { protocolVersion: 5, clientId: 'mqttjs-' + process.pid, connectTimeout: 30000, reconnectPeriod: 0 };
if (caFile) {
  options.ca = fs.readFileSync(caFile);
}

const timer = setTimeout(() => fail(new Error('timed out')), 30000);
const client = mqtt.connect(url, options);

function fail(error) {
  console.error('mqtt.js: ' + error.message);
  process.exit(1);
}

client.on('error', fail);
client.on('connect', () => {
  client.subscribe(topic, { qos: 1 }, (error) => {
    if (error) {
      fail(error);
    }
    client.publish(topic, 'hello from mqtt.js', { qos: 1 });
  });
});
client.on('message', (received, payload) => {
  console.log('received ' + received + ' ' + payload.toString());
  clearTimeout(timer);
  client.end(false, () => process.exit(0));
});
