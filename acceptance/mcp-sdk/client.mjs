// Connects the official MCP TypeScript SDK client to the proxy's /mcp endpoint over Streamable
// HTTP, lists the prompts, renders one with arguments, asks for a prompt that does not exist, pings,
// ends the session, and prints what it saw as one JSON object on standard output.
//
// Usage: node client.mjs MCP_URL CLIENT_KEY PROMPT_NAME ARGUMENTS_JSON
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, clientKey, promptName, argumentsJson] = process.argv.slice(2);
if (!url || !clientKey || !promptName || !argumentsJson) {
  console.error('Usage: node client.mjs MCP_URL CLIENT_KEY PROMPT_NAME ARGUMENTS_JSON');
  process.exit(2);
}

const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${clientKey}` } },
});
const client = new Client({ name: 'nexus-acceptance', version: '1.0.0' });

await client.connect(transport);
const sessionId = transport.sessionId;
const listed = await client.listPrompts();
const rendered = await client.getPrompt({ name: promptName, arguments: JSON.parse(argumentsJson) });
let missing = null;
try {
  await client.getPrompt({ name: 'no-such-prompt' });
} catch (error) {
  missing = { code: error.code, message: error.message };
}
await client.ping();
await transport.terminateSession();
await client.close();

console.log(JSON.stringify({
  protocolVersion: transport.protocolVersion,
  sessionId,
  server: client.getServerVersion(),
  capabilities: client.getServerCapabilities(),
  prompts: listed.prompts,
  rendered,
  missing,
}));
