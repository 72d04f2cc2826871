// check.js drives Tencent's Node SDK against a running vpctest, pointed at
// it the way README.md says: the endpoint is the fake's host and port, the
// protocol http://, the credential the one it printed. Every ClassicLink
// action runs over TC3 POST and GET; a wrong key must be refused. It prints
// "N passed, M failed" and exits non-zero on a failure.
"use strict";
const { Client } = require("tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client");

const [endpoint, secretId, secretKey] = process.argv.slice(2);
if (!endpoint || !secretId || !secretKey) {
  console.error("usage: node check.js HOST:PORT SECRET_ID SECRET_KEY");
  process.exit(2);
}

function client(key, reqMethod) {
  return new Client({
    credential: { secretId, secretKey: key },
    region: "ap-guangzhou",
    profile: { httpProfile: { endpoint, protocol: "http://", reqMethod, reqTimeout: 10 } },
  });
}

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log("ok   " + name);
  } catch (e) {
    failed++;
    console.log("FAIL " + name + ": " + (e && (e.code || "") + " " + e.message));
  }
}

function expect(cond, what) {
  if (!cond) throw new Error(what);
}

async function waitTask(c, taskId) {
  for (let i = 0; i < 50; i++) {
    const res = await c.DescribeVpcTaskResult({ TaskId: taskId });
    if (res.Status !== "RUNNING") return res.Status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("task " + taskId + " still running");
}

async function main() {
  for (const method of ["POST", "GET"]) {
    const c = client(secretKey, method);
    const instance = method === "POST" ? "ins-df454d" : "ins-1a2b3c4d";
    let task;
    await check(method + " AttachClassicLinkVpc", async () => {
      const res = await c.AttachClassicLinkVpc({ VpcId: "vpc-2ari9m7h", InstanceIds: [instance] });
      expect(res.RequestId, "no RequestId");
      task = res.RequestId;
    });
    await check(method + " DescribeVpcTaskResult", async () => {
      expect((await waitTask(c, task)) === "SUCCESS", "the attach task did not succeed");
    });
    await check(method + " DescribeClassicLinkInstances", async () => {
      const res = await c.DescribeClassicLinkInstances({
        Filters: [{ Name: "vpc-id", Values: ["vpc-2ari9m7h"] }],
        Offset: "0",
        Limit: "20",
      });
      expect(res.ClassicLinkInstanceSet.some((l) => l.InstanceId === instance), "the link is not listed");
    });
    await check(method + " DetachClassicLinkVpc", async () => {
      const res = await c.DetachClassicLinkVpc({ VpcId: "vpc-2ari9m7h", InstanceIds: [instance] });
      expect((await waitTask(c, res.RequestId)) === "SUCCESS", "the detach task did not succeed");
    });
  }
  await check("a wrong key is refused", async () => {
    try {
      await client("wrong" + secretKey, "POST").DescribeClassicLinkInstances({});
    } catch (e) {
      expect(e.code === "AuthFailure.SignatureFailure", "refused with " + e.code);
      return;
    }
    throw new Error("accepted");
  });
  console.log(passed + " passed, " + failed + " failed");
  process.exit(failed === 0 ? 0 : 1);
}

main();
