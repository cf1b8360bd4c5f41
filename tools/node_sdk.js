// Drive the official node SDK (node-bandwidth 4.0.0, unmodified) against a running sandbox:
// every wrapped resource's operations, the lists page by page; one line per operation,
// and the count of failures last (the exit status is 1 when one failed). See
// CONTRIBUTING.md, "Against the official node SDK".
const Bandwidth = require("node-bandwidth");
const env = process.env;
const client = new Bandwidth({userId: env.BANDWIDTH_USER_ID, apiToken: env.BANDWIDTH_API_TOKEN,
                              apiSecret: env.BANDWIDTH_API_SECRET, baseUrl: env.BANDWIDTH_API_ENDPOINT});
const ctl = (path, body) => fetch(`${env.BANDWIDTH_API_ENDPOINT}/sandbox/${path}`, {method: "POST",
  headers: {"Content-Type": "application/json"}, body: JSON.stringify(body || {})});
let ok = 0, bad = 0;
async function op(name, f) {
  try { const r = await f(); ok++; console.log("ok  ", name); return r; }
  catch (e) { bad++; console.log("FAIL", name, e.statusCode || "", (e.message || String(e)).slice(0, 200)); }
}
async function pages(name, list) {
  return op(name + " (paged)", async () => {
    let r = await list(); let n = 0, total = 0;
    for (;;) { const key = Object.keys(r).find(k => Array.isArray(r[k])); total += r[key].length;
      n++; if (!r.hasNextPage) break; r = await r.getNextPage(); }
    if (n < 2) throw new Error(`only ${n} page(s), ${total} items`);
    return total;
  });
}
(async () => {
  const from = "+19195551212";
  const call = await op("Call.create", () => client.Call.create({from, to: "+19195551213"}));
  await op("Call.get", () => client.Call.get(call.id));
  await ctl(`calls/${call.id}/answer`);
  const g = await op("Call.createGather", () => client.Call.createGather(call.id, {maxDigits: "5"}));
  await op("Call.getGather", () => client.Call.getGather(call.id, g.id));
  await op("Call.completeGather", () => client.Call.completeGather(call.id, g.id));
  await op("Call.speakSentence", () => client.Call.speakSentence(call.id, "hello"));
  await op("Call.playAudioFile", () => client.Call.playAudioFile(call.id, "https://e.example/a.mp3"));
  await op("Call.sendDtmf", () => client.Call.sendDtmf(call.id, "1"));
  await op("Call.enableRecording", () => client.Call.enableRecording(call.id));
  await op("Call.disableRecording", () => client.Call.disableRecording(call.id));
  await op("Call.getEvents", () => client.Call.getEvents(call.id));
  await op("Call.getRecordings", () => client.Call.getRecordings(call.id));
  const calls = [];
  for (let i = 0; i < 3; i++) calls.push((await client.Call.create({from, to: "+1919555100" + i})).id);
  await op("Call.list (node reads one page)", async () => { const r = await client.Call.list({size: 2}); if (r.length !== 2) throw new Error(r.length); });
  for (const id of calls) await ctl(`calls/${id}/answer`);
  const br = await op("Bridge.create", () => client.Bridge.create({callIds: [calls[0], calls[1]]}));
  await op("Bridge.get", () => client.Bridge.get(br.id));
  await op("Bridge.getCalls", () => client.Bridge.getCalls(br.id));
  await op("Bridge.speakSentence", () => client.Bridge.speakSentence(br.id, "hi"));
  await op("Bridge.update", () => client.Bridge.update(br.id, {bridgeAudio: false}));
  await client.Bridge.create({}); await client.Bridge.create({});
  await pages("Bridge.list", () => client.Bridge.list({size: 2}));
  for (let i = 0; i < 3; i++) { await client.Call.enableRecording(calls[2]); await client.Call.disableRecording(calls[2]); }
  await op("Recording.list (node reads one page)", async () => { const r = await client.Recording.list({size: 2}); if (r.length !== 2) throw new Error(r.length); });
  const recs = await client.Recording.list({});
  await op("Recording.get", () => client.Recording.get(recs[0].id));
  await op("Recording.createTranscription", () => client.Recording.createTranscription(recs[0].id));
  await op("Recording.getTranscriptions", () => client.Recording.getTranscriptions(recs[0].id));
  const app = await op("Application.create", () => client.Application.create({name: "a", incomingCallUrl: "https://e.example/c"}));
  await op("Application.get", () => client.Application.get(app.id));
  await op("Application.update", () => client.Application.update(app.id, {name: "b"}));
  await client.Application.create({name: "c", incomingCallUrl: "https://e.example/c"});
  await client.Application.create({name: "d", incomingCallUrl: "https://e.example/c"});
  await pages("Application.list", () => client.Application.list({size: 2}));
  const found = await op("AvailableNumber.search", () => client.AvailableNumber.search("local", {areaCode: "919", quantity: 3}));
  for (const n of found || []) await op("PhoneNumber.create", () => client.PhoneNumber.create({number: n.number, applicationId: app.id}));
  await pages("PhoneNumber.list", () => client.PhoneNumber.list({size: 2}));
  await op("PhoneNumber.get", () => client.PhoneNumber.get(found[0].number));
  await op("AvailableNumber.searchAndOrder", () => client.AvailableNumber.searchAndOrder("tollFree", {quantity: 1}));
  const conf = await op("Conference.create", () => client.Conference.create({from}));
  const leg = await client.Call.create({from, to: "+19195552000", conferenceId: conf.id});
  await ctl(`calls/${leg.id}/answer`);
  const member = await op("Conference.createMember", () => client.Conference.createMember(conf.id, {callId: leg.id}));
  await op("Conference.getMembers", () => client.Conference.getMembers(conf.id));
  await op("Conference.getMember", () => client.Conference.getMember(conf.id, member.id));
  await op("Conference.updateMember", () => client.Conference.updateMember(conf.id, member.id, {mute: true}));
  await op("Conference.speakSentence", () => client.Conference.speakSentence(conf.id, "hi"));
  await op("Conference.get", () => client.Conference.get(conf.id));
  await op("Conference.remove", () => client.Conference.remove(conf.id));
  const dom = await op("Domain.create", () => client.Domain.create({name: "sip-app", description: "d"}));
  await client.Domain.create({name: "d2"}); await client.Domain.create({name: "d3"});
  await pages("Domain.list", () => client.Domain.list({size: 2}));
  const ep = await op("Endpoint.create", () => client.Endpoint.create(dom.id, {name: "alice", credentials: {password: "123456"}}));
  await client.Endpoint.create(dom.id, {name: "bob", credentials: {password: "123456"}});
  await client.Endpoint.create(dom.id, {name: "carol", credentials: {password: "123456"}});
  await op("Endpoint.get", () => client.Endpoint.get(dom.id, ep.id));
  await pages("Endpoint.list", () => client.Endpoint.list(dom.id, {size: 2}));
  await op("Endpoint.update", () => client.Endpoint.update(dom.id, ep.id, {enabled: false}));
  await op("Endpoint.createAuthToken", () => client.Endpoint.createAuthToken(dom.id, ep.id, {expires: 3600}));
  await op("Endpoint.delete", () => client.Endpoint.delete(dom.id, ep.id));
  await op("Domain.delete", () => client.Domain.delete(dom.id));
  const msg = await op("Message.send", () => client.Message.send({from, to: "+19195551213", text: "hi"}));
  await op("Message.get", () => client.Message.get(msg.id));
  const multi = await op("Message.sendMultiple", () => client.Message.sendMultiple([{from, to: "+19195551213", text: "a"}, {from, to: "+19195551213", text: "b"}]));
  if (multi && multi.some(m => m.result !== "accepted")) { bad++; console.log("FAIL multi results", JSON.stringify(multi)); }
  await op("Message.patch", () => client.Message.patch(msg.id, {text: ""}));
  await pages("Message.list", () => client.Message.list({size: 2}));
  await op("Account.get", () => client.Account.get());
  await pages("Account.getTransactions", () => client.Account.getTransactions({size: 2}));
  try { await client.Call.get("c-none"); } catch (e) {}
  try { await client.Call.get("c-none2"); } catch (e) {}
  await pages("Error.list", () => client.Error.list({size: 1}));
  const errs = await client.Error.list({});
  await op("Error.get", () => client.Error.get(errs.errors[0].id));
  await op("NumberInfo.get", () => client.NumberInfo.get("+19195551212"));
  await op("Media.upload", () => client.Media.upload("a.txt", Buffer.from("hello"), "text/plain"));
  await op("Media.list", () => client.Media.list());
  await op("Media.download", () => client.Media.download("a.txt"));
  await op("Media.delete", () => client.Media.delete("a.txt"));
  await op("Call.hangup", () => client.Call.hangup(call.id));
  console.log(`${ok} ok, ${bad} failed`);
  process.exitCode = bad ? 1 : 0;
})();
