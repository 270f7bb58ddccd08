/**
 * The PDS calls the chat service for its user with a service-auth JWT: `iss` is the user's DID,
 * `aud` the chat service's DID, `lxm` the method, signed with the user's atproto signing key
 * (atproto.com/specs/xrpc#inter-service-authentication-jwt). The key comes from the user's DID
 * document in the PLC directory of the local network.
 */
import { verifySignature } from "@atproto/crypto";
import { IdResolver } from "@atproto/identity";
import { fromBase64Url } from "../../shared/src/encoding/base64url.ts";

export class AuthError extends Error {
  constructor(
    readonly code:
      | "AuthMissing"
      | "BadJwt"
      | "BadJwtAudience"
      | "BadJwtLexiconMethod"
      | "JwtExpired",
    message: string,
  ) {
    super(message);
  }
}

export interface Identity {
  handle(did: string): Promise<string>;
  /** throws AuthError unless the header carries a valid JWT for `nsid` addressed to `serviceDid` */
  verify(authorization: string | null, serviceDid: string, nsid: string): Promise<string>;
  exists(did: string): Promise<boolean>;
}

const decodeJson = (part: string) => JSON.parse(new TextDecoder().decode(fromBase64Url(part)));

export function createIdentity(plcUrl: string | undefined): Identity {
  const resolver = plcUrl ? new IdResolver({ plcUrl }) : undefined;
  const atprotoData = async (did: string) => {
    if (!resolver) return undefined;
    try {
      return await resolver.did.resolveAtprotoData(did);
    } catch {
      return undefined;
    }
  };
  return {
    async handle(did) {
      return (await atprotoData(did))?.handle ?? "handle.invalid";
    },
    async exists(did) {
      // without a directory to ask, every well-formed DID is taken to exist
      return resolver ? Boolean(await atprotoData(did)) : true;
    },
    async verify(authorization, serviceDid, nsid) {
      const token = authorization?.match(/^Bearer (.+)$/)?.[1];
      if (!token) throw new AuthError("AuthMissing", "Authentication Required");
      const [header, payload, signature] = token.split(".");
      let claims: { iss?: string; aud?: string; lxm?: string; exp?: number };
      let alg: string;
      try {
        alg = decodeJson(header!).alg;
        claims = decodeJson(payload!);
      } catch {
        throw new AuthError("BadJwt", "poorly formatted jwt");
      }
      if (!claims.iss?.startsWith("did:")) throw new AuthError("BadJwt", "jwt has no issuer");
      if (claims.aud !== serviceDid) {
        throw new AuthError("BadJwtAudience", "jwt audience does not match service did");
      }
      if (claims.lxm !== nsid) {
        throw new AuthError("BadJwtLexiconMethod", `bad jwt lexicon method ("lxm"): ${claims.lxm}`);
      }
      if (!claims.exp || claims.exp * 1000 < Date.now()) {
        throw new AuthError("JwtExpired", "jwt expired");
      }
      const issuer = claims.iss.split("#")[0]!;
      if (resolver) {
        const key = await resolver.did.resolveAtprotoKey(issuer).catch(() => undefined);
        const valid = key && await verifySignature(
          key,
          new TextEncoder().encode(`${header}.${payload}`),
          fromBase64Url(signature ?? ""),
          { jwtAlg: alg, allowMalleableSig: true },
        ).catch(() => false);
        if (!valid) throw new AuthError("BadJwt", "jwt signature does not match jwt issuer");
      }
      return issuer;
    },
  };
}
