import { type TObject, type TString, Type } from "@sinclair/typebox";
import type { BankEndpointService } from "../../app/banks/bank-endpoint-service.ts";
import type { ApiServices } from "../api-services.ts";
import {
  BankEndpointViewSchema,
  BillerEndpointViewSchema,
  type EndpointOwnerField,
  IssuerEndpointViewSchema,
} from "../bank-endpoint-view.ts";
import { BankParams } from "./bank-endpoint-input.ts";
import { ParticipantIdInput } from "./participant-params.ts";

/**
 * What the endpoint routes of one kind of called system (banks, billers, issuers) differ in: where they
 * sit, how the owner's id is named in the path and in the view, and which registry answers them.
 * The routes themselves are written once (list-bank-endpoints-route.ts, add-bank-endpoint-route.ts).
 */
export interface EndpointRouteKind {
  /** The path segment the routes sit under: `/banks/:bankId/endpoints`. */
  readonly segment: "banks" | "billers" | "issuers";
  readonly ownerParam: "bankId" | "participantId";
  readonly ownerField: EndpointOwnerField;
  readonly noun: "bank" | "biller" | "issuer";
  readonly tag: string;
  readonly params: TObject<Record<string, TString>>;
  readonly viewSchema:
    | typeof BankEndpointViewSchema
    | typeof BillerEndpointViewSchema
    | typeof IssuerEndpointViewSchema;
  readonly notOwnerCode:
    | "participant_not_bank"
    | "participant_not_biller"
    | "participant_not_issuer";
  readonly firstEndpointNote: string;
  readonly registry: (hub: ApiServices) => BankEndpointService;
}

export const bankEndpointRouteKind: EndpointRouteKind = {
  segment: "banks",
  ownerParam: "bankId",
  ownerField: "bankId",
  noun: "bank",
  tag: "banks",
  params: BankParams,
  viewSchema: BankEndpointViewSchema,
  notOwnerCode: "participant_not_bank",
  firstEndpointNote: "The bank's first endpoint becomes its primary: new signings go there.",
  registry: (hub) => hub.bankEndpoints,
};

export const billerEndpointRouteKind: EndpointRouteKind = {
  segment: "billers",
  ownerParam: "participantId",
  ownerField: "billerId",
  noun: "biller",
  tag: "billers",
  params: Type.Object({ participantId: ParticipantIdInput }),
  viewSchema: BillerEndpointViewSchema,
  notOwnerCode: "participant_not_biller",
  firstEndpointNote:
    "The biller's first endpoint becomes its primary: the hub's inquiries and postings go there.",
  registry: (hub) => hub.billerEndpoints,
};

export const issuerEndpointRouteKind: EndpointRouteKind = {
  segment: "issuers",
  ownerParam: "participantId",
  ownerField: "issuerId",
  noun: "issuer",
  tag: "issuers",
  params: Type.Object({ participantId: ParticipantIdInput }),
  viewSchema: IssuerEndpointViewSchema,
  notOwnerCode: "participant_not_issuer",
  firstEndpointNote:
    "The issuer's first endpoint becomes its primary: the hub's authorisations, inquiries, reversals and refunds of barcode payments go there.",
  registry: (hub) => hub.issuerEndpoints,
};

/** The owner's id from the route's parameters, named as the kind names it. */
export function ownerIdOf(kind: EndpointRouteKind, params: unknown): string {
  return (params as Record<string, string>)[kind.ownerParam] ?? "";
}
