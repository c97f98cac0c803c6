// Holds every response to the committed OpenAPI document: its status must be one the operation
// documents, its media type the documented one, its documented required headers present, and its body
// valid against the documented schema (OpenAPI 3.1 schemas are JSON Schema 2020-12).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Middleware } from "openapi-fetch";

// ajv-formats is CommonJS; under Node's ES modules its function is the default export's default.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const DOCUMENT_ID = "https://directory.invalid/openapi.json";

type Json = Record<string, unknown>;

interface ResponseObject {
  headers?: Record<string, { required?: boolean; $ref?: string }>;
  content?: Record<string, { schema?: unknown }>;
}

/** A response that breaks the document. */
export class ContractViolation extends Error {}

export class Contract {
  private readonly document: Json;
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  /** How many responses were checked against the document, for the summary. */
  checkedResponses = 0;

  constructor(path: string = fileURLToPath(new URL("../../openapi/openapi.json", import.meta.url))) {
    this.document = JSON.parse(readFileSync(path, "utf8")) as Json;
    // strictSchema off only because the document wraps its schemas in OpenAPI objects (paths,
    // components) that are no JSON Schema keywords; formats are still checked.
    this.ajv = new Ajv2020({ strictSchema: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...this.document, $id: DOCUMENT_ID });
  }

  /** An openapi-fetch middleware that checks every response of the client against the document. */
  middleware(): Middleware {
    return {
      onResponse: async ({ request, response, schemaPath }) => {
        await this.check(request.method.toLowerCase(), schemaPath, response.clone());
        return undefined;
      },
    };
  }

  /** Checks one response of the operation at `method` and `pathTemplate`; throws a ContractViolation on any mismatch. */
  async check(method: string, pathTemplate: string, response: Response): Promise<void> {
    const where = `${method.toUpperCase()} ${pathTemplate} -> ${response.status}`;
    const operationPointer = `/paths/${escape(pathTemplate)}/${method}`;
    const operation = this.at(operationPointer) as Json | undefined;
    if (!operation) {
      throw new ContractViolation(`${where}: the document has no such operation`);
    }
    const responses = operation.responses as Record<string, unknown>;
    const status = String(response.status);
    if (!(status in responses)) {
      const body = await response.text();
      throw new ContractViolation(`${where}: status not documented (documented: ${Object.keys(responses).join(", ")}); body: ${body}`);
    }
    let responsePointer = `${operationPointer}/responses/${status}`;
    let documented = responses[status] as ResponseObject & { $ref?: string };
    if (documented.$ref) {
      responsePointer = documented.$ref.slice(1);
      documented = this.at(responsePointer) as ResponseObject;
    }
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const required = header.$ref ? (this.at(header.$ref.slice(1)) as { required?: boolean }).required : header.required;
      if (required && !response.headers.has(name)) {
        throw new ContractViolation(`${where}: the documented header ${name} is missing`);
      }
    }
    const body = await response.text();
    if (!documented.content) {
      if (body.length > 0) {
        throw new ContractViolation(`${where}: documented without a body, but has one: ${body}`);
      }
      this.checkedResponses++;
      return;
    }
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    if (!(contentType in documented.content)) {
      throw new ContractViolation(`${where}: media type '${contentType}' not documented (documented: ${Object.keys(documented.content).join(", ")})`);
    }
    const schemaPointer = `${responsePointer}/content/${escape(contentType)}/schema`;
    const validate = this.validator(schemaPointer);
    const value: unknown = contentType.endsWith("json") ? JSON.parse(body) : body;
    if (!validate(value)) {
      throw new ContractViolation(`${where}: the body does not match ${schemaPointer}:\n${this.ajv.errorsText(validate.errors, { separator: "\n" })}\nbody: ${body.slice(0, 2000)}`);
    }
    this.checkedResponses++;
  }

  /** The document's schema at a JSON Pointer (such as a webhook's message), compiled once. */
  validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
      if (!validate) {
        throw new ContractViolation(`the document has no schema at ${pointer}`);
      }
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  private at(pointer: string): unknown {
    return pointer.split("/").slice(1).reduce<unknown>((node, token) =>
      node === undefined ? undefined : (node as Json)[token.replace(/~1/g, "/").replace(/~0/g, "~")], this.document);
  }
}

/** A JSON Pointer token. */
function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
