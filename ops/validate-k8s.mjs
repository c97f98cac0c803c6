// Validates every Kubernetes manifest in a folder against the Kubernetes API schemas bundled in
// the kubernetes-models package (generated from the Kubernetes OpenAPI definitions), offline.
// Usage: node validate-k8s.mjs <folder or rendered file>...   Exits non-zero if any document is
// invalid or of a kind it does not know.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const files = process.argv.slice(2).flatMap((path) => statSync(path).isDirectory()
  ? readdirSync(path).filter((name) => /\.ya?ml$/.test(name) && name !== "kustomization.yaml").sort().map((name) => join(path, name))
  : [path]);
let checked = 0;
let failed = 0;

for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.error(`${file}: not valid YAML: ${document.errors[0].message}`);
      failed++;
      continue;
    }
    const manifest = document.toJS();
    if (manifest == null) {
      continue;
    }
    const { apiVersion, kind } = manifest;
    let model;
    try {
      // "v1" is the core group; others are "group/version", both as kubernetes-models lays them out.
      model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
    } catch {
      console.error(`${file}: ${apiVersion} ${kind} is not a Kubernetes resource this validator knows`);
      failed++;
      continue;
    }
    try {
      new model(manifest).validate();
      checked++;
      console.log(`ok   ${file}: ${kind} ${manifest.metadata?.name}`);
    } catch (error) {
      console.error(`FAIL ${file}: ${kind} ${manifest.metadata?.name}: ${error.message}`);
      failed++;
    }
  }
}

console.log(`${checked} manifests valid, ${failed} invalid`);
process.exit(failed === 0 && checked > 0 ? 0 : 1);
