/**
 * Generated from the hub's OpenAPI document (`clearhub openapi`) by openapi-typescript.
 * Do not edit: run `npm run generate -w @clearhub/sdk` after changing the hub's API.
 */

export interface paths {
    "/.well-known/clearhub-hub-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys the hub signs webhooks and calls to banks with
         * @description A JWK Set. Find the key whose `kid` is the `keyid` of a webhook's or a bank call's Signature-Input and verify the signature (RFC 9421, Ed25519) with it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                /** @enum {string} */
                                kty: "OKP";
                                /** @enum {string} */
                                crv: "Ed25519";
                                /** @description The raw 32-byte public key, base64url without padding */
                                x: string;
                                /** @description The RFC 7638 thumbprint of the key: the `keyid` of the hub's signatures */
                                kid: string;
                                /** @enum {string} */
                                use: "sig";
                                /** @enum {string} */
                                alg: "EdDSA";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A signed request that does nothing
         * @description Answers 204 once the signature verified: a way to test keys and signing, and the measure of what authentication alone costs.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own accounts and balances */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                /** @description The ledger account id transfers name */
                                id: number;
                                kind: "position" | "settlement" | "fee" | "reconciliation";
                                currency: string;
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                debitsPosted: string;
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                creditsPosted: string;
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                debitsPending: string;
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                creditsPending: string;
                                /** @description Credits posted minus debits posted; may be negative */
                                balance: string;
                                /** @description Positions only: how far the position may go into debit */
                                netDebitCap?: string;
                                /** @description Positions, in a participant's detail: the factor the cap follows the reserve by, or null when it is set by hand */
                                capFollowsReserve?: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Transfers the caller is party to, newest first
         * @description Pages of up to 500 (default 100). Pass `next` as `cursor` for the next page, with the same filters; `next` is null on the last page. Transfers committed while paging appear on the first page, never twice.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description `next` of the previous page */
                    cursor?: string;
                    /** @description Created at or after */
                    from?: string;
                    /** @description Created before */
                    to?: string;
                    /** @description Only transfers with this participant */
                    counterparty?: string;
                    state?: "posted" | "reserved" | "committed" | "voided" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            transfers: {
                                id: string;
                                /** @description The paying participant's id */
                                payer: string;
                                /** @description The receiving participant's id */
                                payee: string;
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                                reference: string | null;
                                /** @description posted: moved. reserved: held for the payee until committed, voided or expired. committed, voided, expired: how a reservation ended. */
                                state: "posted" | "reserved" | "committed" | "voided" | "expired";
                                /** @description For a reservation: when it lapses unless committed */
                                expiresAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The fee the payer was charged with this transaction (posted, or reserved with a reservation), paid to the hub operator; null when none was due */
                                fee: {
                                    /**
                                     * @description A decimal string with exactly the currency's minor digits
                                     * @example 12.30
                                     */
                                    amount: string;
                                    currency: string;
                                } | null;
                                /**
                                 * MaskedCustomerParty
                                 * @description As sent, with every number masked
                                 */
                                debtor?: {
                                    name?: string;
                                    /** @example ****4242 */
                                    cardNumber?: string;
                                    /** @example ****3000 */
                                    accountNumber?: string;
                                    /** @example 1****2X */
                                    idNumber?: string;
                                };
                                /**
                                 * MaskedCustomerParty
                                 * @description As sent, with every number masked
                                 */
                                creditor?: {
                                    name?: string;
                                    /** @example ****4242 */
                                    cardNumber?: string;
                                    /** @example ****3000 */
                                    accountNumber?: string;
                                    /** @example 1****2X */
                                    idNumber?: string;
                                };
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key`, `cursor_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Pay another participant, or reserve the amount for it
         * @description Moves the amount from the caller's position to the payee's, or with `reserveForMs` reserves it until the caller commits or voids it.
         *
         *     The `id` is the idempotency key: sending the same body again answers the first answer again (with the `idempotent-replayed: true` header) and moves nothing; a different body under an id already used answers 409 `idempotency_key_reused`. A refused request wrote nothing, so it may be corrected and sent again under the same id.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Unique across the network (a UUID is a good choice) and the key that makes a retry safe. */
                        id: string;
                        /** @description The payee participant's id */
                        payee: string;
                        /**
                         * @description A decimal string in the currency's major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits.
                         * @example 12.30
                         */
                        amount: string;
                        /**
                         * @description An ISO 4217 alphabetic code, e.g. EUR
                         * @example EUR
                         */
                        currency: string;
                        reference?: string;
                        /** @description Reserve the amount instead of moving it: the payer commits or voids the reservation within this many milliseconds, or it expires. */
                        reserveForMs?: number;
                        /**
                         * CustomerParty
                         * @description The customer on one side. Card, account and ID numbers are stored encrypted and only ever answered masked; spaces and hyphens in them are ignored.
                         */
                        debtor?: {
                            name?: string;
                            cardNumber?: string;
                            accountNumber?: string;
                            idNumber?: string;
                        };
                        /**
                         * CustomerParty
                         * @description The customer on one side. Card, account and ID numbers are stored encrypted and only ever answered masked; spaces and hyphens in them are ignored.
                         */
                        creditor?: {
                            name?: string;
                            cardNumber?: string;
                            accountNumber?: string;
                            idNumber?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The paying participant's id */
                            payer: string;
                            /** @description The receiving participant's id */
                            payee: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            reference: string | null;
                            /** @description posted: moved. reserved: held for the payee until committed, voided or expired. committed, voided, expired: how a reservation ended. */
                            state: "posted" | "reserved" | "committed" | "voided" | "expired";
                            /** @description For a reservation: when it lapses unless committed */
                            expiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The fee the payer was charged with this transaction (posted, or reserved with a reservation), paid to the hub operator; null when none was due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            /**
                             * MaskedCustomerParty
                             * @description As sent, with every number masked
                             */
                            debtor?: {
                                name?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                /** @example ****3000 */
                                accountNumber?: string;
                                /** @example 1****2X */
                                idNumber?: string;
                            };
                            /**
                             * MaskedCustomerParty
                             * @description As sent, with every number masked
                             */
                            creditor?: {
                                name?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                /** @example ****3000 */
                                accountNumber?: string;
                                /** @example 1****2X */
                                idNumber?: string;
                            };
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `idempotency_key_reused`, `transfer_id_taken`, `participant_inactive` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `currency_unknown`, `amount_invalid`, `amount_not_positive`, `amount_too_precise`, `amount_too_large`, `card_number_invalid`, `card_number_check_digit_invalid`, `bank_account_number_invalid`, `id_number_invalid`, `payee_not_found`, `payee_is_payer`, `payee_currency_not_held`, `currency_not_held`, `transfer_id_reserved`, `id_invalid`, `reference_invalid`, `timeout_invalid`, `exceeds_net_debit_cap`, `insufficient_liquidity`, `balance_overflow` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error`, `sealed_data_unreadable` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable`, `storage_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Up to 1000 transfers in one request
         * @description Each transfer is read, checked and applied on its own, with the same rules and idempotency as `POST /v1/transfers`, and answers its own result, in request order: one refused transfer does not stop the others. Problem codes an item can carry: `currency_unknown`, `amount_invalid`, `amount_not_positive`, `amount_too_precise`, `amount_too_large`, `card_number_invalid`, `card_number_check_digit_invalid`, `bank_account_number_invalid`, `id_number_invalid`, `payee_not_found`, `payee_is_payer`, `payee_currency_not_held`, `currency_not_held`, `idempotency_key_reused`, `transfer_id_taken`, `transfer_id_reserved`, `id_invalid`, `reference_invalid`, `timeout_invalid`, `participant_inactive`, `exceeds_net_debit_cap`, `insufficient_liquidity`, `balance_overflow`, `storage_unavailable`, `sealed_data_unreadable`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1..1000 transfers, each answered on its own */
                        transfers: {
                            /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Unique across the network (a UUID is a good choice) and the key that makes a retry safe. */
                            id: string;
                            /** @description The payee participant's id */
                            payee: string;
                            /**
                             * @description A decimal string in the currency's major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits.
                             * @example 12.30
                             */
                            amount: string;
                            /**
                             * @description An ISO 4217 alphabetic code, e.g. EUR
                             * @example EUR
                             */
                            currency: string;
                            reference?: string;
                            /** @description Reserve the amount instead of moving it: the payer commits or voids the reservation within this many milliseconds, or it expires. */
                            reserveForMs?: number;
                            /**
                             * CustomerParty
                             * @description The customer on one side. Card, account and ID numbers are stored encrypted and only ever answered masked; spaces and hyphens in them are ignored.
                             */
                            debtor?: {
                                name?: string;
                                cardNumber?: string;
                                accountNumber?: string;
                                idNumber?: string;
                            };
                            /**
                             * CustomerParty
                             * @description The customer on one side. Card, account and ID numbers are stored encrypted and only ever answered masked; spaces and hyphens in them are ignored.
                             */
                            creditor?: {
                                name?: string;
                                cardNumber?: string;
                                accountNumber?: string;
                                idNumber?: string;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                id: string;
                                /** @description The status POST /v1/transfers would have answered for this transfer alone */
                                status: number;
                                replayed?: boolean;
                                /** ParticipantTransfer */
                                transfer?: {
                                    id: string;
                                    /** @description The paying participant's id */
                                    payer: string;
                                    /** @description The receiving participant's id */
                                    payee: string;
                                    /**
                                     * @description A decimal string with exactly the currency's minor digits
                                     * @example 12.30
                                     */
                                    amount: string;
                                    currency: string;
                                    reference: string | null;
                                    /** @description posted: moved. reserved: held for the payee until committed, voided or expired. committed, voided, expired: how a reservation ended. */
                                    state: "posted" | "reserved" | "committed" | "voided" | "expired";
                                    /** @description For a reservation: when it lapses unless committed */
                                    expiresAt: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** @description The fee the payer was charged with this transaction (posted, or reserved with a reservation), paid to the hub operator; null when none was due */
                                    fee: {
                                        /**
                                         * @description A decimal string with exactly the currency's minor digits
                                         * @example 12.30
                                         */
                                        amount: string;
                                        currency: string;
                                    } | null;
                                    /**
                                     * MaskedCustomerParty
                                     * @description As sent, with every number masked
                                     */
                                    debtor?: {
                                        name?: string;
                                        /** @example ****4242 */
                                        cardNumber?: string;
                                        /** @example ****3000 */
                                        accountNumber?: string;
                                        /** @example 1****2X */
                                        idNumber?: string;
                                    };
                                    /**
                                     * MaskedCustomerParty
                                     * @description As sent, with every number masked
                                     */
                                    creditor?: {
                                        name?: string;
                                        /** @example ****4242 */
                                        cardNumber?: string;
                                        /** @example ****3000 */
                                        accountNumber?: string;
                                        /** @example 1****2X */
                                        idNumber?: string;
                                    };
                                };
                                /** @description The problem code of a refused transfer */
                                code?: string;
                            }[];
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large`, `batch_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{transferId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A transfer the caller is party to, as it is now
         * @description A transfer the caller is neither payer nor payee of answers 404, exactly as one that does not exist.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The paying participant's id */
                            payer: string;
                            /** @description The receiving participant's id */
                            payee: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            reference: string | null;
                            /** @description posted: moved. reserved: held for the payee until committed, voided or expired. committed, voided, expired: how a reservation ended. */
                            state: "posted" | "reserved" | "committed" | "voided" | "expired";
                            /** @description For a reservation: when it lapses unless committed */
                            expiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The fee the payer was charged with this transaction (posted, or reserved with a reservation), paid to the hub operator; null when none was due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            /**
                             * MaskedCustomerParty
                             * @description As sent, with every number masked
                             */
                            debtor?: {
                                name?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                /** @example ****3000 */
                                accountNumber?: string;
                                /** @example 1****2X */
                                idNumber?: string;
                            };
                            /**
                             * MaskedCustomerParty
                             * @description As sent, with every number masked
                             */
                            creditor?: {
                                name?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                /** @example ****3000 */
                                accountNumber?: string;
                                /** @example 1****2X */
                                idNumber?: string;
                            };
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `transfer_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{transferId}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Commit a reservation: the amount moves to the payee
         * @description Only the payer resolves its reservation. Asking again once it is committed answers the same transfer again with `idempotent-replayed: true`; a reservation resolved the other way, or expired, answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The paying participant's id */
                            payer: string;
                            /** @description The receiving participant's id */
                            payee: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            reference: string | null;
                            /** @description posted: moved. reserved: held for the payee until committed, voided or expired. committed, voided, expired: how a reservation ended. */
                            state: "posted" | "reserved" | "committed" | "voided" | "expired";
                            /** @description For a reservation: when it lapses unless committed */
                            expiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The fee the payer was charged with this transaction (posted, or reserved with a reservation), paid to the hub operator; null when none was due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            /**
                             * MaskedCustomerParty
                             * @description As sent, with every number masked
                             */
                            debtor?: {
                                name?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                /** @example ****3000 */
                                accountNumber?: string;
                                /** @example 1****2X */
                                idNumber?: string;
                            };
                            /**
                             * MaskedCustomerParty
                             * @description As sent, with every number masked
                             */
                            creditor?: {
                                name?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                /** @example ****3000 */
                                accountNumber?: string;
                                /** @example 1****2X */
                                idNumber?: string;
                            };
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted`, `resolution_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `transfer_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `already_committed`, `already_voided`, `pending_expired`, `participant_inactive` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `pending_not_found` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable`, `storage_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{transferId}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void a reservation: the amount returns to the payer
         * @description Only the payer resolves its reservation. Asking again once it is voided answers the same transfer again with `idempotent-replayed: true`; a reservation resolved the other way, or expired, answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The paying participant's id */
                            payer: string;
                            /** @description The receiving participant's id */
                            payee: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            reference: string | null;
                            /** @description posted: moved. reserved: held for the payee until committed, voided or expired. committed, voided, expired: how a reservation ended. */
                            state: "posted" | "reserved" | "committed" | "voided" | "expired";
                            /** @description For a reservation: when it lapses unless committed */
                            expiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The fee the payer was charged with this transaction (posted, or reserved with a reservation), paid to the hub operator; null when none was due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            /**
                             * MaskedCustomerParty
                             * @description As sent, with every number masked
                             */
                            debtor?: {
                                name?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                /** @example ****3000 */
                                accountNumber?: string;
                                /** @example 1****2X */
                                idNumber?: string;
                            };
                            /**
                             * MaskedCustomerParty
                             * @description As sent, with every number masked
                             */
                            creditor?: {
                                name?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                /** @example ****3000 */
                                accountNumber?: string;
                                /** @example 1****2X */
                                idNumber?: string;
                            };
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted`, `resolution_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `transfer_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `already_committed`, `already_voided`, `pending_expired`, `participant_inactive` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `pending_not_found` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable`, `storage_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's webhook endpoints
         * @description A participant has at most 10 endpoints.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endpoints: {
                                id: string;
                                /** @description The URL as the hub sends to it, normalised */
                                url: string;
                                /** @description Sorted, without duplicates */
                                eventTypes: ("transfer.credited" | "transfer.reserved" | "transfer.committed" | "transfer.voided" | "transfer.expired" | "agreement.unsigned" | "payment.succeeded" | "payment.failed" | "payout.succeeded" | "payout.failed" | "refund.succeeded" | "refund.failed" | "channel.suspended" | "channel.suspension_lifted" | "channel.terminated" | "bill.presented" | "bill_payment.posted" | "bill_payment.rejected" | "bill_payment.reversed" | "bill_payment.posting_failed" | "barcode_payment.succeeded" | "barcode_payment.declined" | "barcode_payment.reversed" | "barcode_refund.succeeded" | "barcode_refund.declined")[];
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Have some of the caller's events sent to a URL
         * @description Each event of a subscribed type is sent to the URL as a signed POST (see the webhooks section of the API description). A participant has at most 10 endpoints.
         *
         *     The `id` is the idempotency key: the same registration again answers 200 with the `idempotent-replayed: true` header; another URL or other event types under an id in use answer 409 `webhook_endpoint_conflict`. To change an endpoint, delete it and register it again.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Chosen by the participant; registering the same id again is a harmless retry */
                        id: string;
                        /** @description An absolute http or https URL, without credentials or fragment */
                        url: string;
                        /**
                         * @description The events to send to this endpoint:
                         *
                         *     - `transfer.credited`: A posted transfer credited your position (sent to the payee).
                         *     - `transfer.reserved`: A pending transfer reserved funds for you (sent to the payee).
                         *     - `transfer.committed`: A pending transfer was committed (sent to both parties).
                         *     - `transfer.voided`: A pending transfer was voided (sent to both parties).
                         *     - `transfer.expired`: A pending transfer expired before it was committed (sent to both parties).
                         *     - `agreement.unsigned`: A quick-pay agreement ended, by the bank or by you (sent to the payment institution).
                         *     - `payment.succeeded`: An agreement payment debited the customer's account (sent to the payment institution).
                         *     - `payment.failed`: An agreement payment failed; no money moved (sent to the payment institution).
                         *     - `payout.succeeded`: A payout credited the customer's account (sent to the payment institution).
                         *     - `payout.failed`: A payout failed; no money moved (sent to the payment institution).
                         *     - `refund.succeeded`: A refund returned money to the customer's account (sent to the payment institution).
                         *     - `refund.failed`: A refund failed; no money moved (sent to the payment institution).
                         *     - `channel.suspended`: The operator suspended some or all of your bill-payment capabilities (sent to the channel).
                         *     - `channel.suspension_lifted`: The operator restored suspended capabilities (sent to the channel).
                         *     - `channel.terminated`: The operator terminated you as a channel; that is final (sent to the channel).
                         *     - `bill.presented`: A biller issued or changed a bill of a customer you subscribed to (sent to the channel).
                         *     - `bill_payment.posted`: The biller credited the customer with a bill payment and gave its receipt (sent to the channel).
                         *     - `bill_payment.rejected`: The biller refused a bill payment; the money was cleared back to you (sent to the channel).
                         *     - `bill_payment.reversed`: The biller reversed a bill payment it had credited; the money was cleared back to you (sent to the channel).
                         *     - `bill_payment.posting_failed`: A bill payment could not be posted to the biller within its deadline; the operator settles it with the biller (sent to the channel).
                         *     - `barcode_payment.succeeded`: A barcode payment was cleared from the issuer to the acquirer (sent to both).
                         *     - `barcode_payment.declined`: The issuer declined a consumer-presented barcode payment; no money moved (sent to both).
                         *     - `barcode_payment.reversed`: A barcode payment whose outcome was unknown was reversed: the customer is not charged, and any money cleared went back (sent to both).
                         *     - `barcode_refund.succeeded`: A refund of a barcode payment cleared from the acquirer back to the issuer, which credits its customer (sent to both).
                         *     - `barcode_refund.declined`: A refund of a consumer-presented barcode payment was declined by the issuer; its amount may be refunded again (sent to both).
                         */
                        eventTypes: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The URL as the hub sends to it, normalised */
                            url: string;
                            /** @description Sorted, without duplicates */
                            eventTypes: ("transfer.credited" | "transfer.reserved" | "transfer.committed" | "transfer.voided" | "transfer.expired" | "agreement.unsigned" | "payment.succeeded" | "payment.failed" | "payout.succeeded" | "payout.failed" | "refund.succeeded" | "refund.failed" | "channel.suspended" | "channel.suspension_lifted" | "channel.terminated" | "bill.presented" | "bill_payment.posted" | "bill_payment.rejected" | "bill_payment.reversed" | "bill_payment.posting_failed" | "barcode_payment.succeeded" | "barcode_payment.declined" | "barcode_payment.reversed" | "barcode_refund.succeeded" | "barcode_refund.declined")[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The URL as the hub sends to it, normalised */
                            url: string;
                            /** @description Sorted, without duplicates */
                            eventTypes: ("transfer.credited" | "transfer.reserved" | "transfer.committed" | "transfer.voided" | "transfer.expired" | "agreement.unsigned" | "payment.succeeded" | "payment.failed" | "payout.succeeded" | "payout.failed" | "refund.succeeded" | "refund.failed" | "channel.suspended" | "channel.suspension_lifted" | "channel.terminated" | "bill.presented" | "bill_payment.posted" | "bill_payment.rejected" | "bill_payment.reversed" | "bill_payment.posting_failed" | "barcode_payment.succeeded" | "barcode_payment.declined" | "barcode_payment.reversed" | "barcode_refund.succeeded" | "barcode_refund.declined")[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `webhook_endpoint_conflict`, `webhook_endpoints_exhausted` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `webhook_endpoint_id_invalid`, `webhook_url_invalid`, `webhook_event_types_invalid`, `webhook_destination_forbidden` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Chosen by the participant; registering the same id again is a harmless retry */
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The URL as the hub sends to it, normalised */
                            url: string;
                            /** @description Sorted, without duplicates */
                            eventTypes: ("transfer.credited" | "transfer.reserved" | "transfer.committed" | "transfer.voided" | "transfer.expired" | "agreement.unsigned" | "payment.succeeded" | "payment.failed" | "payout.succeeded" | "payout.failed" | "refund.succeeded" | "refund.failed" | "channel.suspended" | "channel.suspension_lifted" | "channel.terminated" | "bill.presented" | "bill_payment.posted" | "bill_payment.rejected" | "bill_payment.reversed" | "bill_payment.posting_failed" | "barcode_payment.succeeded" | "barcode_payment.declined" | "barcode_payment.reversed" | "barcode_refund.succeeded" | "barcode_refund.declined")[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `webhook_endpoint_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Stop sending events to an endpoint
         * @description Deliveries already due to the endpoint are not sent; the operator sees them dead, with the reason. Deleting again answers 404.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Chosen by the participant; registering the same id again is a harmless retry */
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `webhook_endpoint_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your agreements, newest first
         * @description Pages of up to 500 (default 100). Pass `next` as `cursor` for the next page; `next` is null on the last page.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description `next` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agreements: {
                                id: string;
                                bankId: string;
                                /** @description requested: the bank was asked, no answer yet (send the same request again). otp_sent: the bank sent the customer a password; confirm it. active: signed, payments may quote it. failed: the bank refused; see `failure`. unsigned: ended. */
                                state: "requested" | "otp_sent" | "active" | "failed" | "unsigned";
                                /**
                                 * MaskedAgreementCustomer
                                 * @description As sent, every number masked
                                 */
                                customer: {
                                    holderName: string;
                                    /** @example ****0001 */
                                    accountNumber?: string;
                                    /** @example ****4242 */
                                    cardNumber?: string;
                                    idType: "resident_id" | "passport" | "other";
                                    /** @example 1****1X */
                                    idNumber: string;
                                    /** @example ****0001 */
                                    mobile: string;
                                };
                                authenticationFactors: number;
                                digitalCertificate: boolean;
                                /** @description The bank's number of the agreement, once signed */
                                agreementNumber: string | null;
                                /** @description When the password the bank sent expires */
                                otpExpiresAt: string | null;
                                /** @description Why the bank refused the signing */
                                failure: {
                                    /** @description The bank's refusal code, e.g. otp_expired */
                                    code: string;
                                    reason: string;
                                } | null;
                                unsignedBy: ("payment_institution" | "bank") | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description When the bank signed it */
                                signedAt: string | null;
                                /** @description When it ended */
                                unsignedAt: string | null;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key`, `cursor_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Ask the customer's bank to sign a quick-pay agreement
         * @description The hub sends the signing to the bank's primary endpoint and pins the agreement to it; the bank texts the customer a one-time password, and the agreement answers `otp_sent`. Confirm the password with `POST /v1/agreements/{agreementId}/confirm`. A bank that refuses the customer's details answers the agreement `failed` with the bank's reason.
         *
         *     The `id` is the idempotency key among your agreements: the same body again answers the agreement as it is now (with `idempotent-replayed: true`); a different body answers 409 `idempotency_key_reused`. When the bank's answer did not arrive the agreement answers `requested`: send the same request again, and the bank answers the same sign request (no second password).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Your id of the agreement, unique among yours: the key that makes a retry safe. */
                        id: string;
                        /** @description The customer's bank */
                        bankId: string;
                        /**
                         * AgreementCustomer
                         * @description The customer whose account is bound. Account, card, ID and mobile numbers are stored encrypted and only ever answered masked; spaces and hyphens in them are ignored.
                         */
                        customer: {
                            /** @description As the bank holds it */
                            holderName: string;
                            /** @description The bank account to bind; or give `cardNumber` */
                            accountNumber?: string;
                            /** @description The debit card to bind; or give `accountNumber` */
                            cardNumber?: string;
                            idType: "resident_id" | "passport" | "other";
                            /** @description The identity document's number */
                            idNumber: string;
                            /** @description Where the bank sends the one-time password, e.g. +8613800000001 */
                            mobile: string;
                        };
                        /** @description How many factors authenticated the customer when signing, the bank's password included: fewer than two gives the lower daily limit. */
                        authenticationFactors: number;
                        /** @description Whether a digital certificate authenticated the customer */
                        digitalCertificate: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            bankId: string;
                            /** @description requested: the bank was asked, no answer yet (send the same request again). otp_sent: the bank sent the customer a password; confirm it. active: signed, payments may quote it. failed: the bank refused; see `failure`. unsigned: ended. */
                            state: "requested" | "otp_sent" | "active" | "failed" | "unsigned";
                            /**
                             * MaskedAgreementCustomer
                             * @description As sent, every number masked
                             */
                            customer: {
                                holderName: string;
                                /** @example ****0001 */
                                accountNumber?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                idType: "resident_id" | "passport" | "other";
                                /** @example 1****1X */
                                idNumber: string;
                                /** @example ****0001 */
                                mobile: string;
                            };
                            authenticationFactors: number;
                            digitalCertificate: boolean;
                            /** @description The bank's number of the agreement, once signed */
                            agreementNumber: string | null;
                            /** @description When the password the bank sent expires */
                            otpExpiresAt: string | null;
                            /** @description Why the bank refused the signing */
                            failure: {
                                /** @description The bank's refusal code, e.g. otp_expired */
                                code: string;
                                reason: string;
                            } | null;
                            unsignedBy: ("payment_institution" | "bank") | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description When the bank signed it */
                            signedAt: string | null;
                            /** @description When it ended */
                            unsignedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `idempotency_key_reused` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `card_number_invalid`, `card_number_check_digit_invalid`, `bank_account_number_invalid`, `id_number_invalid`, `mobile_number_invalid`, `account_or_card_required`, `bank_not_found` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error`, `sealed_data_unreadable` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable`, `bank_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bank_outcome_unknown` */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements/{agreementId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a signing with the customer's one-time password
         * @description The bank signs the agreement: it answers `active` with the bank's agreement number. A wrong password answers 422 `otp_invalid` and the customer may try again; an expired one, or too many wrong ones, answers the agreement `failed` (ask for a new signing under a new id). Confirming an active agreement answers it again. When the bank's answer did not arrive (`bank_outcome_unknown`), send the same password again: the bank confirms once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agreementId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The one-time password the bank texted the customer */
                        otp: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            bankId: string;
                            /** @description requested: the bank was asked, no answer yet (send the same request again). otp_sent: the bank sent the customer a password; confirm it. active: signed, payments may quote it. failed: the bank refused; see `failure`. unsigned: ended. */
                            state: "requested" | "otp_sent" | "active" | "failed" | "unsigned";
                            /**
                             * MaskedAgreementCustomer
                             * @description As sent, every number masked
                             */
                            customer: {
                                holderName: string;
                                /** @example ****0001 */
                                accountNumber?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                idType: "resident_id" | "passport" | "other";
                                /** @example 1****1X */
                                idNumber: string;
                                /** @example ****0001 */
                                mobile: string;
                            };
                            authenticationFactors: number;
                            digitalCertificate: boolean;
                            /** @description The bank's number of the agreement, once signed */
                            agreementNumber: string | null;
                            /** @description When the password the bank sent expires */
                            otpExpiresAt: string | null;
                            /** @description Why the bank refused the signing */
                            failure: {
                                /** @description The bank's refusal code, e.g. otp_expired */
                                code: string;
                                reason: string;
                            } | null;
                            unsignedBy: ("payment_institution" | "bank") | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description When the bank signed it */
                            signedAt: string | null;
                            /** @description When it ended */
                            unsignedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `agreement_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `agreement_not_awaiting_otp` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `otp_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable`, `bank_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bank_outcome_unknown` */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements/{agreementId}/unsign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an active agreement at the bank
         * @description The bank ends the agreement, then the hub does, and an `agreement.unsigned` event follows. Ending an ended agreement answers it again; when the bank's answer did not arrive, send the request again.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agreementId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            bankId: string;
                            /** @description requested: the bank was asked, no answer yet (send the same request again). otp_sent: the bank sent the customer a password; confirm it. active: signed, payments may quote it. failed: the bank refused; see `failure`. unsigned: ended. */
                            state: "requested" | "otp_sent" | "active" | "failed" | "unsigned";
                            /**
                             * MaskedAgreementCustomer
                             * @description As sent, every number masked
                             */
                            customer: {
                                holderName: string;
                                /** @example ****0001 */
                                accountNumber?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                idType: "resident_id" | "passport" | "other";
                                /** @example 1****1X */
                                idNumber: string;
                                /** @example ****0001 */
                                mobile: string;
                            };
                            authenticationFactors: number;
                            digitalCertificate: boolean;
                            /** @description The bank's number of the agreement, once signed */
                            agreementNumber: string | null;
                            /** @description When the password the bank sent expires */
                            otpExpiresAt: string | null;
                            /** @description Why the bank refused the signing */
                            failure: {
                                /** @description The bank's refusal code, e.g. otp_expired */
                                code: string;
                                reason: string;
                            } | null;
                            unsignedBy: ("payment_institution" | "bank") | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description When the bank signed it */
                            signedAt: string | null;
                            /** @description When it ended */
                            unsignedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `agreement_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `agreement_not_active` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable`, `bank_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bank_outcome_unknown` */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements/{agreementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your agreements, as it is now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agreementId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            bankId: string;
                            /** @description requested: the bank was asked, no answer yet (send the same request again). otp_sent: the bank sent the customer a password; confirm it. active: signed, payments may quote it. failed: the bank refused; see `failure`. unsigned: ended. */
                            state: "requested" | "otp_sent" | "active" | "failed" | "unsigned";
                            /**
                             * MaskedAgreementCustomer
                             * @description As sent, every number masked
                             */
                            customer: {
                                holderName: string;
                                /** @example ****0001 */
                                accountNumber?: string;
                                /** @example ****4242 */
                                cardNumber?: string;
                                idType: "resident_id" | "passport" | "other";
                                /** @example 1****1X */
                                idNumber: string;
                                /** @example ****0001 */
                                mobile: string;
                            };
                            authenticationFactors: number;
                            digitalCertificate: boolean;
                            /** @description The bank's number of the agreement, once signed */
                            agreementNumber: string | null;
                            /** @description When the password the bank sent expires */
                            otpExpiresAt: string | null;
                            /** @description Why the bank refused the signing */
                            failure: {
                                /** @description The bank's refusal code, e.g. otp_expired */
                                code: string;
                                reason: string;
                            } | null;
                            unsignedBy: ("payment_institution" | "bank") | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description When the bank signed it */
                            signedAt: string | null;
                            /** @description When it ended */
                            unsignedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `agreement_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-notices/unsigned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A bank tells the hub it ended an agreement
         * @description Signed with the bank's participant key. The hub ends the agreement and tells its payment institution with an `agreement.unsigned` event. A notice is applied once by its `noticeId`; a repeat, or a notice for an agreement the hub does not hold for this institution, is answered 204 all the same, so the bank stops sending it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The bank ended an agreement on its own side: debits quoting it fail from now on. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The bank's id of the notice, the same on every repetition: the hub deduplicates on it. */
                        noticeId: string;
                        /** @description The bank's number for the agreement, given when the signing was confirmed. */
                        agreementNumber: string;
                        /** @description The hub participant id of the payment institution the customer uses, to whom the agreement belongs. */
                        paymentInstitutionId: string;
                        /**
                         * Format: date-time
                         * @description When the agreement ended
                         */
                        unsignedAt: string;
                        /** @description customer_request: the customer asked the bank; account_closed: the account behind it closed; bank_decision: the bank ended it (risk, a changed account) */
                        reason: "customer_request" | "account_closed" | "bank_decision";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreement-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Debit a customer's account through an active agreement
         * @description Checks the agreement's limits (per payment, and per day by its risk level, counting every payment of the day not known to have failed), reserves the amount from the bank's position to yours, and asks the bank to debit. The answer is final (`succeeded`, `failed` with the bank's reason) or not yet (`pending`, `unknown`): the hub then asks the bank until it knows, settles the ledger, and sends `payment.succeeded` or `payment.failed`.
         *
         *     The `id` is the idempotency key: the same body again answers the payment as it is now (`idempotent-replayed: true`) and never debits twice; a different body answers 409 `idempotency_key_reused`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Your id of the payment, unique among yours: the key that makes a retry safe. */
                        id: string;
                        /** @description An active agreement of yours */
                        agreementId: string;
                        /**
                         * @description A decimal string in the currency's major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits.
                         * @example 12.30
                         */
                        amount: string;
                        /**
                         * @description An ISO 4217 alphabetic code, e.g. EUR
                         * @example EUR
                         */
                        currency: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description debit: an agreement payment; credit: a payout; refund: of a debit */
                            kind: "debit" | "credit" | "refund";
                            bankId: string;
                            agreementId: string | null;
                            /** @description For a refund: the payment refunded */
                            originalId: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            /** @description The fee you are charged with the operation, paid to the hub operator: reserved with it, and charged only if it succeeds. null when none is due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            currency: string;
                            /** @description processing: under way. pending: the bank decides later. unknown: the bank's answer was lost; the hub asks the bank until it knows, and tells you by webhook. succeeded, failed: final. */
                            state: "processing" | "pending" | "unknown" | "succeeded" | "failed";
                            /** @description The hub's id of the transaction at the bank, for reconciliation */
                            transactionId: string;
                            bankReference: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            creditor?: {
                                name: string;
                                /** @example ****0001 */
                                accountNumber: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `agreement_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `agreement_not_active`, `idempotency_key_reused`, `participant_inactive` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `currency_unknown`, `amount_invalid`, `amount_not_positive`, `amount_too_precise`, `amount_too_large`, `payment_currency_unsupported`, `exceeds_transaction_limit`, `exceeds_daily_limit` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreement-payments/{paymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your agreement payments, as it is now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description debit: an agreement payment; credit: a payout; refund: of a debit */
                            kind: "debit" | "credit" | "refund";
                            bankId: string;
                            agreementId: string | null;
                            /** @description For a refund: the payment refunded */
                            originalId: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            /** @description The fee you are charged with the operation, paid to the hub operator: reserved with it, and charged only if it succeeds. null when none is due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            currency: string;
                            /** @description processing: under way. pending: the bank decides later. unknown: the bank's answer was lost; the hub asks the bank until it knows, and tells you by webhook. succeeded, failed: final. */
                            state: "processing" | "pending" | "unknown" | "succeeded" | "failed";
                            /** @description The hub's id of the transaction at the bank, for reconciliation */
                            transactionId: string;
                            bankReference: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            creditor?: {
                                name: string;
                                /** @example ****0001 */
                                accountNumber: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bank_operation_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-notices/transaction-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A bank tells the hub the final outcome of a transaction it answered pending
         * @description Signed with the bank's participant key. Settles the payment, payout or refund exactly as an inquiry answering the same would: the ledger reservation is committed or voided and the institution is told by webhook. Applied once by `noticeId`; a repeat, or a notice about a transaction the hub did not send this bank, is answered 204 all the same.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description A transaction the bank answered `pending` is now final. The hub treats it as the answer to an inquiry; an inquiry answers the same. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The bank's id of the notice, the same on every repetition: the hub deduplicates on it. */
                        noticeId: string;
                        /** @description The call the transaction came with */
                        operation: "debit" | "credit" | "refund";
                        /** @description The final outcome, as an inquiry would now answer it */
                        result: {
                            /** @description The hub's id of the transaction, unique across every debit, credit and refund the hub sends to the bank: the idempotency key. The same id always means the same transaction; the bank never applies it twice. */
                            transactionId: string;
                            /** @enum {string} */
                            status: "succeeded";
                            /** @description The bank's own reference of the transaction, for reconciliation and support */
                            bankReference: string;
                            /**
                             * Format: date-time
                             * @description When the bank applied the transaction
                             */
                            completedAt: string;
                        } | {
                            /** @description The hub's id of the transaction, unique across every debit, credit and refund the hub sends to the bank: the idempotency key. The same id always means the same transaction; the bank never applies it twice. */
                            transactionId: string;
                            /** @enum {string} */
                            status: "failed";
                            /** @description Why; the interface description lists the reasons */
                            reasonCode: "insufficient_funds" | "limit_exceeded" | "agreement_unknown" | "agreement_unsigned" | "account_unknown" | "account_closed" | "account_frozen" | "creditor_name_mismatch" | "currency_not_supported" | "original_transaction_unknown" | "original_transaction_not_refundable" | "refund_exceeds_debit" | "declined" | "transaction_not_received";
                            /** @description The bank's own words, for people: logs, the operator console, support */
                            reasonText: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a customer's bank account from your position
         * @description To an agreement's account (`agreementId`) or to account details (`creditor`). The amount is reserved from your position toward the bank's, so your net debit cap, set from your reserve funds, bounds it (`failure.code: exceeds_net_debit_cap`, before the bank is called); then the bank credits the account. States and retries as for agreement payments; the events are `payout.succeeded` and `payout.failed`. The same body under the same `id` answers the payout again (`idempotent-replayed: true`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Your id of the payout, unique among yours: the key that makes a retry safe. */
                        id: string;
                        /** @description Pay to this agreement's account */
                        agreementId?: string;
                        /** @description Or pay to these account details */
                        creditor?: {
                            bankId: string;
                            /** @description As the bank holds it */
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * @description A decimal string in the currency's major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits.
                         * @example 12.30
                         */
                        amount: string;
                        /**
                         * @description An ISO 4217 alphabetic code, e.g. EUR
                         * @example EUR
                         */
                        currency: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description debit: an agreement payment; credit: a payout; refund: of a debit */
                            kind: "debit" | "credit" | "refund";
                            bankId: string;
                            agreementId: string | null;
                            /** @description For a refund: the payment refunded */
                            originalId: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            /** @description The fee you are charged with the operation, paid to the hub operator: reserved with it, and charged only if it succeeds. null when none is due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            currency: string;
                            /** @description processing: under way. pending: the bank decides later. unknown: the bank's answer was lost; the hub asks the bank until it knows, and tells you by webhook. succeeded, failed: final. */
                            state: "processing" | "pending" | "unknown" | "succeeded" | "failed";
                            /** @description The hub's id of the transaction at the bank, for reconciliation */
                            transactionId: string;
                            bankReference: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            creditor?: {
                                name: string;
                                /** @example ****0001 */
                                accountNumber: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `agreement_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `idempotency_key_reused`, `agreement_not_active`, `participant_inactive` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `currency_unknown`, `amount_invalid`, `amount_not_positive`, `amount_too_precise`, `amount_too_large`, `payout_creditor_required`, `bank_account_number_invalid`, `bank_not_found` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error`, `sealed_data_unreadable` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your payouts, as it is now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    operationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description debit: an agreement payment; credit: a payout; refund: of a debit */
                            kind: "debit" | "credit" | "refund";
                            bankId: string;
                            agreementId: string | null;
                            /** @description For a refund: the payment refunded */
                            originalId: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            /** @description The fee you are charged with the operation, paid to the hub operator: reserved with it, and charged only if it succeeds. null when none is due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            currency: string;
                            /** @description processing: under way. pending: the bank decides later. unknown: the bank's answer was lost; the hub asks the bank until it knows, and tells you by webhook. succeeded, failed: final. */
                            state: "processing" | "pending" | "unknown" | "succeeded" | "failed";
                            /** @description The hub's id of the transaction at the bank, for reconciliation */
                            transactionId: string;
                            bankReference: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            creditor?: {
                                name: string;
                                /** @example ****0001 */
                                accountNumber: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bank_operation_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund part or all of an agreement payment to its account
         * @description The payment must have succeeded; its refunds, counting every one not known to have failed, never pass its amount (`exceeds_refundable_amount`, checked when the refund is recorded, so concurrent refunds cannot pass it together). Reserved from your position toward the bank's, then refunded by the bank through the payment's agreement. Events `refund.succeeded` and `refund.failed`; the same body under the same `id` answers the refund again (`idempotent-replayed: true`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Your id of the refund, unique among yours: the key that makes a retry safe. */
                        id: string;
                        /** @description The agreement payment refunded */
                        paymentId: string;
                        /**
                         * @description A decimal string in the currency's major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits.
                         * @example 12.30
                         */
                        amount: string;
                        /**
                         * @description An ISO 4217 alphabetic code, e.g. EUR
                         * @example EUR
                         */
                        currency: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description debit: an agreement payment; credit: a payout; refund: of a debit */
                            kind: "debit" | "credit" | "refund";
                            bankId: string;
                            agreementId: string | null;
                            /** @description For a refund: the payment refunded */
                            originalId: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            /** @description The fee you are charged with the operation, paid to the hub operator: reserved with it, and charged only if it succeeds. null when none is due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            currency: string;
                            /** @description processing: under way. pending: the bank decides later. unknown: the bank's answer was lost; the hub asks the bank until it knows, and tells you by webhook. succeeded, failed: final. */
                            state: "processing" | "pending" | "unknown" | "succeeded" | "failed";
                            /** @description The hub's id of the transaction at the bank, for reconciliation */
                            transactionId: string;
                            bankReference: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            creditor?: {
                                name: string;
                                /** @example ****0001 */
                                accountNumber: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bank_operation_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `idempotency_key_reused`, `payment_not_refundable`, `participant_inactive` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `currency_unknown`, `amount_invalid`, `amount_not_positive`, `amount_too_precise`, `amount_too_large`, `exceeds_refundable_amount` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/refunds/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your refunds, as it is now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    operationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description debit: an agreement payment; credit: a payout; refund: of a debit */
                            kind: "debit" | "credit" | "refund";
                            bankId: string;
                            agreementId: string | null;
                            /** @description For a refund: the payment refunded */
                            originalId: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            /** @description The fee you are charged with the operation, paid to the hub operator: reserved with it, and charged only if it succeeds. null when none is due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            currency: string;
                            /** @description processing: under way. pending: the bank decides later. unknown: the bank's answer was lost; the hub asks the bank until it knows, and tells you by webhook. succeeded, failed: final. */
                            state: "processing" | "pending" | "unknown" | "succeeded" | "failed";
                            /** @description The hub's id of the transaction at the bank, for reconciliation */
                            transactionId: string;
                            bankReference: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            creditor?: {
                                name: string;
                                /** @example ****0001 */
                                accountNumber: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bank_operation_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The biller catalogue, for a channel to sync
         * @description Every biller with a profile, by `updatedAt` then id. Sync by keeping the largest `updatedAt` read and asking with it as `updatedSince`: a change of profile or of the biller's status moves `updatedAt`. Billers that are not `active` stay listed with their status (a channel must stop offering them), so that a sync sees a suspension and a termination, which leaving them out would hide.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only billers whose profile or status changed at or after this time. Pass the largest `updatedAt` already read, better a minute earlier: a change still committing while a page was read can carry a slightly earlier time, and a biller read twice is the same biller */
                    updatedSince?: string;
                    limit?: number;
                    /** @description The cursor the previous page answered */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            billers: {
                                /** @description The biller's participant id */
                                id: string;
                                name: string;
                                category: "water" | "electricity" | "gas" | "telecom" | "broadband" | "tv" | "property_tax" | "education" | "insurance" | "municipal" | "other";
                                /** @description The participant's status: only an `active` biller takes inquiries and payments; a suspended or terminated one stays listed so that a channel syncing the catalogue learns of it */
                                status: "active" | "suspended" | "terminated";
                                /** @description The customer parameters, in the order to ask for them */
                                parameters: {
                                    /** @description The key a channel sends the value under */
                                    name: string;
                                    /** @description What a channel shows its user */
                                    label: string;
                                    /** @description `numeric`: digits 0-9; `alphanumeric`: ASCII letters and digits; `text`: any characters but controls */
                                    type: "numeric" | "alphanumeric" | "text";
                                    /** @description A regular expression (RE2 syntax, no nested quantifiers) the whole value must match; null: none */
                                    pattern: string | null;
                                    /** @description In characters */
                                    minLength: number;
                                    /** @description In characters */
                                    maxLength: number;
                                    /** @description The scheme the value's last character checks the rest by; null: none */
                                    checkDigit: ("luhn" | "gs1_mod10" | "mod11" | "iso7064_mod11_2") | null;
                                    /** @description May be left out */
                                    optional: boolean;
                                }[];
                                /** @description `mandatory`: every payment quotes a presented bill; `optional`: a payment may quote the customer parameters instead (direct pay); `not_supported`: the biller presents no bills */
                                billFetch: "mandatory" | "optional" | "not_supported";
                                /** @description Whether a payment may be made without a presented bill (billFetch not mandatory) */
                                directPay: boolean;
                                /** @description `exact`: the amount due; `exact_or_more`: at least it; `exact_or_less`: at most it; `any`: any positive amount (within the bill's own minimum and maximum, when it has them) */
                                amountExactness: "exact" | "exact_or_more" | "exact_or_less" | "any";
                                /** @description How long the hub may answer a presented bill again from its cache */
                                presentmentCacheTtlSeconds: number;
                                /** @description ISO 4217 codes of its bills */
                                currencies: string[];
                                /** @description 1 when registered, one more at each change of profile */
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description When the profile or the biller's status last changed: the catalogue's sync key
                                 */
                                updatedAt: string;
                            }[];
                            /** @description Pass as `cursor` (with the same `updatedSince`) for the next page; null on the last */
                            next: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key`, `cursor_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billers/{billerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One biller of the catalogue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The biller's participant id */
                    billerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The biller's participant id */
                            id: string;
                            name: string;
                            category: "water" | "electricity" | "gas" | "telecom" | "broadband" | "tv" | "property_tax" | "education" | "insurance" | "municipal" | "other";
                            /** @description The participant's status: only an `active` biller takes inquiries and payments; a suspended or terminated one stays listed so that a channel syncing the catalogue learns of it */
                            status: "active" | "suspended" | "terminated";
                            /** @description The customer parameters, in the order to ask for them */
                            parameters: {
                                /** @description The key a channel sends the value under */
                                name: string;
                                /** @description What a channel shows its user */
                                label: string;
                                /** @description `numeric`: digits 0-9; `alphanumeric`: ASCII letters and digits; `text`: any characters but controls */
                                type: "numeric" | "alphanumeric" | "text";
                                /** @description A regular expression (RE2 syntax, no nested quantifiers) the whole value must match; null: none */
                                pattern: string | null;
                                /** @description In characters */
                                minLength: number;
                                /** @description In characters */
                                maxLength: number;
                                /** @description The scheme the value's last character checks the rest by; null: none */
                                checkDigit: ("luhn" | "gs1_mod10" | "mod11" | "iso7064_mod11_2") | null;
                                /** @description May be left out */
                                optional: boolean;
                            }[];
                            /** @description `mandatory`: every payment quotes a presented bill; `optional`: a payment may quote the customer parameters instead (direct pay); `not_supported`: the biller presents no bills */
                            billFetch: "mandatory" | "optional" | "not_supported";
                            /** @description Whether a payment may be made without a presented bill (billFetch not mandatory) */
                            directPay: boolean;
                            /** @description `exact`: the amount due; `exact_or_more`: at least it; `exact_or_less`: at most it; `any`: any positive amount (within the bill's own minimum and maximum, when it has them) */
                            amountExactness: "exact" | "exact_or_more" | "exact_or_less" | "any";
                            /** @description How long the hub may answer a presented bill again from its cache */
                            presentmentCacheTtlSeconds: number;
                            /** @description ISO 4217 codes of its bills */
                            currencies: string[];
                            /** @description 1 when registered, one more at each change of profile */
                            version: number;
                            /**
                             * Format: date-time
                             * @description When the profile or the biller's status last changed: the catalogue's sync key
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `biller_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bill-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your bill subscriptions, newest first
         * @description Only one biller's with `billerId`. Pages of up to 500 (default 100); pass `next` as `cursor` for the next page; `next` is null on the last page.
         */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit
                     * @example acme-bank
                     */
                    billerId?: string;
                    limit?: number;
                    /** @description `next` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscriptions: {
                                /**
                                 * @description The hub's id of the subscription
                                 * @example bs-3f0c9a7e-6a44-4d0c-9a55-2f8d1f0e6b1d
                                 */
                                id: string;
                                billerId: string;
                                /** @description The parameters you subscribed with, masked: `****4567` */
                                customerParameters: {
                                    [key: string]: string;
                                };
                                reference: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key`, `cursor_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Be told of a customer's bills at a biller, instead of asking for them
         * @description When the biller pushes a new or changed bill of this customer, the hub sends you a `bill.presented` webhook event: no inquiry, scheduled or not, is needed to learn of a bill. Register a webhook endpoint for `bill.presented` to receive them.
         *
         *     Idempotent by customer: subscribing the same biller and parameters again answers the subscription you hold (with `idempotent-replayed: true`), its first `reference` kept. A channel holds a bounded number of subscriptions; beyond it, 409 `bill_subscriptions_full`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit
                         * @example acme-bank
                         */
                        billerId: string;
                        /**
                         * @description The parameters that identify your user as the biller's customer, by name, as the biller registry lists them: 1 to 8 names of the form `accountNumber`, each value 1 to 64 characters. The hub seals them and shows them only masked.
                         * @example {
                         *       "accountNumber": "4401234567"
                         *     }
                         */
                        customerParameters: {
                            [key: string]: string;
                        };
                        /**
                         * @description Your own name for the user or the subscription, echoed in every `bill.presented` event of it. Not customer data: the hub keeps and shows it in clear.
                         * @example user-8841
                         */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The hub's id of the subscription
                             * @example bs-3f0c9a7e-6a44-4d0c-9a55-2f8d1f0e6b1d
                             */
                            id: string;
                            billerId: string;
                            /** @description The parameters you subscribed with, masked: `****4567` */
                            customerParameters: {
                                [key: string]: string;
                            };
                            reference: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `biller_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bill_subscriptions_full` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `customer_parameters_invalid`, `participant_not_biller` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bill-subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Stop being told of a customer's bills
         * @description Bills the biller pushes from now on are not sent for this subscription; events already in the outbox still are. Deleting again answers 404.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The hub's id of the subscription
                     * @example bs-3f0c9a7e-6a44-4d0c-9a55-2f8d1f0e6b1d
                     */
                    subscriptionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bill_subscription_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/biller-notices/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer has a new or changed bill
         * @description Signed with the biller's participant key; only an active biller may send it. The hub sends a `bill.presented` webhook event to every channel subscribed to the customer (`POST /v1/bill-subscriptions`), in the same transaction that records the notice. Applied once by `noticeId`: a repeat is answered 204 all the same and tells nobody again. See the biller interface for the message.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description A customer has a new or changed bill. The hub tells the channels subscribed to this customer, so nobody needs to ask. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The biller's id of the notice, the same on every repetition: the hub deduplicates on it. */
                        noticeId: string;
                        /** @description new: a bill the customer did not have; changed: a bill presented before now demands another amount or date (the same `billNumber`) */
                        kind: "new" | "changed";
                        /** @description The parameters that identify the customer at the biller, each name at most once, in the order the biller registry declares them. */
                        customerParameters: {
                            /** @description The parameter's name as the biller registry declares it for this biller, e.g. accountNumber */
                            name: string;
                            /** @description The value, already checked by the hub against the biller's rules for it (pattern, length, check digit) */
                            value: string;
                        }[];
                        /**
                         * Bill
                         * @description A bill due as the biller presents it. Without `amountMin` and `amountMax` the bill takes exactly `amountDue`; the biller registry's exactness rule for the biller says what the hub lets channels pay.
                         */
                        bill: {
                            /** @description The biller's number of the bill, as it printed it and answers it to inquiries. */
                            billNumber: string;
                            /**
                             * @description An ISO 4217 alphabetic currency code
                             * @example CNY
                             */
                            currency: string;
                            /**
                             * @description What the bill demands, in the currency's major unit.
                             * @example 12.30
                             */
                            amountDue: string;
                            /**
                             * @description The least the biller accepts for this bill, when it takes part payments; at most `amountDue`.
                             * @example 12.30
                             */
                            amountMin?: string;
                            /**
                             * @description The most the biller accepts for this bill, when it takes advance payments; at least `amountDue`.
                             * @example 12.30
                             */
                            amountMax?: string;
                            /**
                             * Format: date
                             * @description The last day to pay without a late charge
                             */
                            dueDate: string;
                            /**
                             * BillPeriod
                             * @description The days a bill covers, both included.
                             */
                            period?: {
                                /**
                                 * Format: date
                                 * @description The first day the bill covers
                                 */
                                from: string;
                                /**
                                 * Format: date
                                 * @description The last day the bill covers, on or after `from`
                                 */
                                to: string;
                            };
                            /** @description What the bill is for, for the payer, e.g. Water, October 2026 */
                            description?: string;
                        };
                        /**
                         * Format: date-time
                         * @description When the biller issued or changed the bill
                         */
                        issuedAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `customer_parameters_invalid`, `currency_unknown`, `amount_invalid`, `amount_too_precise`, `amount_too_large`, `bill_amounts_inconsistent`, `bill_period_reversed`, `biller_inactive` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bill-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a customer's bill: cleared at once, then posted to the biller
         * @description Quote a presented bill (`billRef`, from `POST /v1/bill-inquiries`, yours and unexpired) or, where the biller allows direct payment, the customer parameters. The amount is checked against the biller's exactness rule and the bill's bounds. The payment clears in the ledger at once (your position to the biller's) and is answered `accepted`; the hub then posts it to the biller under its own posting id, retrying with backoff while the biller is down and asking where it stands after a lost answer, and tells you by webhook: `bill_payment.posted` with the biller's receipt, `bill_payment.rejected` or `bill_payment.reversed` with the money cleared back, `bill_payment.posting_failed` when the posting deadline passes.
         *
         *     A channel whose `bill_payment` capability the operator suspended is refused (409 `channel_suspended`) unless the suspension's `honour_presented` policy covers the payment: it quotes a `billRef` presented before the suspension and the honour deadline has not passed (after it, 409 `honour_deadline_passed`). A direct payment is never honoured.
         *
         *     A refused request writes nothing. The `id` is the idempotency key: the same body again answers the payment as it is now (`idempotent-replayed: true`) and never pays twice; a different body answers 409 `idempotency_key_reused`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Your id of the payment, unique among yours: the key that makes a retry safe. */
                        id: string;
                        /** @description The biller paid */
                        billerId: string;
                        /** @description A presented bill of yours, from `POST /v1/bill-inquiries`, not expired */
                        billRef?: string;
                        /** @description Instead of a billRef, where the biller allows direct payment: the customer, by the biller's parameters */
                        customerParameters?: {
                            [key: string]: string;
                        };
                        /**
                         * @description A decimal string in the currency's major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits.
                         * @example 12.30
                         */
                        amount: string;
                        /**
                         * @description An ISO 4217 alphabetic code, e.g. EUR
                         * @example EUR
                         */
                        currency: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            billerId: string;
                            /** @description The presented bill the payment quoted; null for a direct payment */
                            billRef: string | null;
                            /** @description The biller's number of the bill paid */
                            billNumber: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            /** @description The fee you were charged with the payment's clearing, paid to the hub operator; kept if the money is cleared back. null when none was due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            /** @description accepted: cleared in the ledger (your position to the biller's), not yet posted to the biller. posting: sent, the biller's outcome awaited; the hub asks until it knows. posted: the biller credited the customer (receiptNumber). rejected: the biller refused it; the money was cleared back to you. reversed: the biller took back a payment it had credited; the money was cleared back to you. posting_failed: not posted within the posting deadline; the operator settles it with the biller. Every change after accepted is also sent by webhook. */
                            state: "accepted" | "posting" | "posted" | "rejected" | "reversed" | "posting_failed";
                            /** @description The hub's id of the posting at the biller, for reconciliation */
                            postingId: string;
                            /** @description The biller's receipt: its proof that the customer paid */
                            receiptNumber: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            postedAt: string | null;
                            reversedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `biller_not_found`, `bill_ref_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `participant_inactive`, `channel_suspended`, `honour_deadline_passed`, `channel_terminated`, `idempotency_key_reused` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `currency_unknown`, `amount_invalid`, `amount_not_positive`, `amount_too_precise`, `amount_too_large`, `biller_inactive`, `bill_ref_expired`, `bill_ref_or_parameters_required`, `direct_payment_not_allowed`, `customer_parameters_invalid`, `payment_currency_unsupported`, `amount_not_allowed`, `exceeds_net_debit_cap` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bill-payments/{paymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your bill payments: its posting state and the biller's receipt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            billerId: string;
                            /** @description The presented bill the payment quoted; null for a direct payment */
                            billRef: string | null;
                            /** @description The biller's number of the bill paid */
                            billNumber: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            /** @description The fee you were charged with the payment's clearing, paid to the hub operator; kept if the money is cleared back. null when none was due */
                            fee: {
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                            } | null;
                            /** @description accepted: cleared in the ledger (your position to the biller's), not yet posted to the biller. posting: sent, the biller's outcome awaited; the hub asks until it knows. posted: the biller credited the customer (receiptNumber). rejected: the biller refused it; the money was cleared back to you. reversed: the biller took back a payment it had credited; the money was cleared back to you. posting_failed: not posted within the posting deadline; the operator settles it with the biller. Every change after accepted is also sent by webhook. */
                            state: "accepted" | "posting" | "posted" | "rejected" | "reversed" | "posting_failed";
                            /** @description The hub's id of the posting at the biller, for reconciliation */
                            postingId: string;
                            /** @description The biller's receipt: its proof that the customer paid */
                            receiptNumber: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            postedAt: string | null;
                            reversedAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bill_payment_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/biller-notices/reversals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The biller reversed a payment it had accepted
         * @description Sent when the biller takes back an accepted posting. The hub clears the money back to the channel, once however often the notice comes, and tells the channel. Repeat until the hub answers 2xx.
         *
         *     Signed with the biller's participant key. The money is cleared back from the biller's position to the channel's under an id derived from the payment's (the id a rejection would use too), so it moves once however often the notice comes, and the channel is told by `bill_payment.reversed`. Applied once by `noticeId`; a repeat, or a notice about a posting the hub did not send this biller, is answered 204 all the same. A notice whose amount or currency is not the posting's is refused and changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The biller reversed a payment it accepted: the whole of it, as posted (the amount and currency repeat the posting's, so the hub can check them). The hub clears the money back to the channel, once, and tells it. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The biller's id of the notice, the same on every repetition: the hub deduplicates on it. */
                        noticeId: string;
                        /** @description The hub's id of the posting, unique across every posting the hub sends: the idempotency key. The same id always means the same payment; the biller never credits it twice. */
                        postingId: string;
                        /** @description The biller's receipt for a posted payment: its proof that the customer paid. */
                        receiptNumber: string;
                        /**
                         * @description A decimal string in the currency's major unit, greater than zero, with at most as many decimals as the currency has minor digits: "12.30" CNY, "1200" JPY.
                         * @example 12.30
                         */
                        amount: string;
                        /**
                         * @description An ISO 4217 alphabetic currency code
                         * @example CNY
                         */
                        currency: string;
                        /** @description duplicate_payment: the customer paid the bill twice; wrong_customer: the payment was for someone else; bill_withdrawn: the biller cancelled the bill after it was paid; customer_request: the customer asked the biller; biller_decision: another reason of the biller */
                        reasonCode: "duplicate_payment" | "wrong_customer" | "bill_withdrawn" | "customer_request" | "biller_decision";
                        /** @description The biller's own words, for people: logs, the operator console, support */
                        reasonText: string;
                        /**
                         * Format: date-time
                         * @description When the biller took the payment off the customer's account
                         */
                        reversedAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `bill_payment_not_reversible` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `currency_unknown`, `amount_invalid`, `amount_too_precise`, `amount_too_large`, `reversal_amount_mismatch` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bill-inquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask a biller for a customer's bills due
         * @description Each bill is answered under a `billRef`, your reference to pay it until `expiresAt`. An inquiry moves no money and changes nothing at the biller, so sending it again is safe (each answer carries fresh references). The hub protects billers: past your quota or the biller's capacity the inquiry is refused with 429 and `Retry-After`; `scheduled` inquiries get only spare capacity and are served from the cache when they can be. A biller that does not answer usably is `biller_unavailable`; the hub does not retry an inquiry for you. A channel whose `bill_inquiry` capability the operator suspended is refused with 409 `channel_suspended` before any biller is asked.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The biller's participant id */
                        billerId: string;
                        /**
                         * @description The values that identify the customer at the biller, by the parameter names of its catalogue entry
                         * @example {
                         *       "accountNumber": "W10000001"
                         *     }
                         */
                        customerParameters: {
                            [key: string]: string;
                        };
                        /** @description `user`: a person is waiting for the answer. `scheduled`: your system asks on its own (a reminder check); it is answered from the hub's cache whenever a fresh copy exists, and otherwise only from the biller's spare capacity. */
                        initiation: "user" | "scheduled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            billerId: string;
                            /** @description The customer's name as the biller shows it, masked */
                            customerName?: string;
                            /** @description `biller`: the biller answered now; `cache`: a scheduled inquiry answered from the biller's answer at `fetchedAt` */
                            source: "biller" | "cache";
                            /** Format: date-time */
                            fetchedAt: string;
                            /** @description The bills due, oldest due date first; empty when the customer owes nothing */
                            bills: {
                                /** @description The hub's reference of this bill as presented to you: quote it to pay the bill, before `expiresAt` */
                                billRef: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** @description The biller's number of the bill */
                                billNumber: string;
                                currency: string;
                                /** @description What the bill demands; a decimal string in the currency's major unit */
                                amountDue: string;
                                /** @description The least the biller takes, when it takes part payments; a decimal string in the currency's major unit */
                                amountMin?: string;
                                /** @description The most the biller takes, when it takes advance payments; a decimal string in the currency's major unit */
                                amountMax?: string;
                                /** Format: date */
                                dueDate: string;
                                period?: {
                                    /** Format: date */
                                    from: string;
                                    /** Format: date */
                                    to: string;
                                };
                                description?: string;
                            }[];
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `biller_not_found`, `bill_customer_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `channel_suspended`, `channel_terminated`, `participant_inactive` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `biller_inactive`, `bill_fetch_not_supported`, `customer_parameters_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `channel_quota_exceeded`, `biller_capacity_exceeded` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable`, `biller_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliation/days/{day}/statement.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's statement of a business day, streamed as CSV
         * @description Every transaction the caller is payer or payee of, oldest first. Transactions still UNKNOWN at the hub (a bank or biller has not answered yet) have status `unknown`: the match lists them apart and compares them once a status inquiry settles them.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The business day, YYYY-MM-DD (cut-off and time zone as the hub is configured) */
                    day: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The statement, RFC 4180 CSV with a header row: hub_transaction_id, participant_reference, type, counterparty, amount (signed: negative when the participant pays), currency, fee, status, window, created_at, updated_at */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key`, `business_day_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliation/days/{day}/statement.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's statement of a business day in one currency, streamed as ISO 20022 camt.053.001.08
         * @description The rows of statement.csv in that currency, one entry each (hub transaction id in AcctSvcrRef, the caller's reference in AcctOwnrTxId).
         */
        get: {
            parameters: {
                query: {
                    /** @description The currency of the statement (ISO 4217): camt.053 is of one account */
                    currency: string;
                };
                header?: never;
                path: {
                    /** @description The business day, YYYY-MM-DD (cut-off and time zone as the hub is configured) */
                    day: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The statement of one currency as ISO 20022 camt.053.001.08: the position account's opening and closing booked balances, then one entry per transaction (status BOOK, PDNG or INFO), streamed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": string;
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key`, `business_day_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `statement_currency_not_held` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliation/days/{day}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload the caller's record of a business day and match it
         * @description A CSV with the statement's header; each row needs hub_transaction_id or participant_reference, amount (signed as on the statement), currency and status. Before the match the hub asks the bank or biller about the day's operations still UNKNOWN (at most `inquiry.limit`), so its rows show their final outcomes; those still unknown are listed apart, never breaks. A record with any malformed row is refused whole and changes nothing. Otherwise the day's open breaks are replaced by those found now; a break already resolved is not raised again.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The business day, YYYY-MM-DD (cut-off and time zone as the hub is configured) */
                    day: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runId: string;
                            participantId: string;
                            day: string;
                            hubRows: number;
                            participantRows: number;
                            breaks: {
                                duplicate: number;
                                missing_at_hub: number;
                                missing_at_participant: number;
                                amount_differs: number;
                                status_differs: number;
                            };
                            /** @description Hub transactions whose outcome is still unknown: not compared, listed apart */
                            unknownAtHub: number;
                            /** @description The first 100 of them, by hub transaction id */
                            unknownHubTransactionIds: string[];
                            /** @description The status inquiry made before the match, so the hub's rows show final outcomes */
                            inquiry: {
                                /** @description Unknown operations of the day the hub asked their bank or biller about */
                                asked: number;
                                /** @description How many of those have a final outcome now */
                                settled: number;
                                /** @description The most one match asks about */
                                limit: number;
                                /** @description More operations were unknown than the limit: those not asked about stay unknown */
                                more: boolean;
                            };
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key`, `business_day_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported`, `record_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `record_malformed` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliation/breaks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's reconciliation breaks, with their resolution */
        get: {
            parameters: {
                query?: {
                    /** @description The business day, YYYY-MM-DD (cut-off and time zone as the hub is configured) */
                    day?: string;
                    state?: "open" | "accepted" | "reversed" | "written_off";
                    kind?: "duplicate" | "missing_at_hub" | "missing_at_participant" | "amount_differs" | "status_differs";
                    limit?: number;
                    /** @description The last id of the previous page */
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ReconciliationBreak"][];
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your merchants */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The acquirer's own id of the merchant: 1 to 32 of A-Z, a-z, 0-9, '.', '_', '-'
                     * @example store-0042
                     */
                    merchantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The acquirer's participant id */
                            acquirerId: string;
                            /** @description The acquirer's own id of the merchant */
                            merchantId: string;
                            name: string;
                            merchantCategoryCode: string;
                            city: string;
                            countryCode: string;
                            /** @description `closed` is final: the merchant cannot be paid */
                            status: "active" | "closed";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description Moved by a change of fields or status; an identical PUT keeps it
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `merchant_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Register one of your merchants, or change its fields
         * @description Idempotent: 201 when the merchant is registered, 200 after (the same fields again change nothing, not even `updatedAt`, so a retry is safe). A closed merchant is not changed (409 `merchant_closed`). A refused merchant answers 422 `merchant_invalid` whose `errors` name each field (JSON pointer) with its code; nothing is written.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The acquirer's own id of the merchant: 1 to 32 of A-Z, a-z, 0-9, '.', '_', '-'
                     * @example store-0042
                     */
                    merchantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 1 to 25 characters, as payers see it (EMVCo tag 59)
                         * @example Tea House Lin
                         */
                        name: string;
                        /**
                         * @description ISO 18245 merchant category code: 4 digits
                         * @example 5814
                         */
                        merchantCategoryCode: string;
                        /**
                         * @description 1 to 15 characters (EMVCo tag 60)
                         * @example Hangzhou
                         */
                        city: string;
                        /**
                         * @description ISO 3166-1 alpha-2, upper case
                         * @example CN
                         */
                        countryCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The acquirer's participant id */
                            acquirerId: string;
                            /** @description The acquirer's own id of the merchant */
                            merchantId: string;
                            name: string;
                            merchantCategoryCode: string;
                            city: string;
                            countryCode: string;
                            /** @description `closed` is final: the merchant cannot be paid */
                            status: "active" | "closed";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description Moved by a change of fields or status; an identical PUT keeps it
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The acquirer's participant id */
                            acquirerId: string;
                            /** @description The acquirer's own id of the merchant */
                            merchantId: string;
                            name: string;
                            merchantCategoryCode: string;
                            city: string;
                            countryCode: string;
                            /** @description `closed` is final: the merchant cannot be paid */
                            status: "active" | "closed";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description Moved by a change of fields or status; an identical PUT keeps it
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `merchant_closed` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `merchant_invalid`, `participant_not_acquirer` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your merchants, newest first
         * @description Closed ones included. Pages of up to 500 (default 100); pass `next` as `cursor` for the next page; `next` is null on the last page.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description `next` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            merchants: {
                                /** @description The acquirer's participant id */
                                acquirerId: string;
                                /** @description The acquirer's own id of the merchant */
                                merchantId: string;
                                name: string;
                                merchantCategoryCode: string;
                                city: string;
                                countryCode: string;
                                /** @description `closed` is final: the merchant cannot be paid */
                                status: "active" | "closed";
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description Moved by a change of fields or status; an identical PUT keeps it
                                 */
                                updatedAt: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key`, `cursor_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close one of your merchants, for good
         * @description A closed merchant cannot be paid or changed, and its id is not reused. Closing a closed merchant answers it as it is.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description The acquirer's own id of the merchant: 1 to 32 of A-Z, a-z, 0-9, '.', '_', '-'
                     * @example store-0042
                     */
                    merchantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The acquirer's participant id */
                            acquirerId: string;
                            /** @description The acquirer's own id of the merchant */
                            merchantId: string;
                            name: string;
                            merchantCategoryCode: string;
                            city: string;
                            countryCode: string;
                            /** @description `closed` is final: the merchant cannot be paid */
                            status: "active" | "closed";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description Moved by a change of fields or status; an identical PUT keeps it
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `merchant_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-directory/{acquirerId}/{merchantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Look up a merchant at any acquirer, before paying it
         * @description The merchant as payers see it: name, category, city, country and status. A closed merchant is answered with `status: closed`; it cannot be paid.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit
                     * @example acme-bank
                     */
                    acquirerId: string;
                    /**
                     * @description The acquirer's own id of the merchant: 1 to 32 of A-Z, a-z, 0-9, '.', '_', '-'
                     * @example store-0042
                     */
                    merchantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The acquirer's participant id */
                            acquirerId: string;
                            /** @description The acquirer's own id of the merchant */
                            merchantId: string;
                            name: string;
                            merchantCategoryCode: string;
                            city: string;
                            countryCode: string;
                            /** @description `closed` is final: the merchant cannot be paid */
                            status: "active" | "closed";
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `merchant_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/code-prefixes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The code-prefix routing table
         * @description Every assigned prefix, in prefix order, with the issuer a consumer-presented payment code or a prepaid card number starting with it routes to. No prefix starts another, so a number matches at most one entry.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description 2 to 10 digits */
                                prefix: string;
                                /** @description The issuer's participant id (a payment institution) */
                                issuerId: string;
                                /** @description `payment_code`: a wallet's one-time payment code; `prepaid_card`: a prepaid card number presented at a terminal */
                                instrument: "payment_code" | "prepaid_card";
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/qr-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a merchant's QR code your customer scanned (merchant-presented mode)
         * @description Send the EMVCo payload as scanned. The hub checks its CRC and every field, resolves the merchant in the acquirer's directory, and applies your customer's daily limit for the verification level (a static code always counts as level D). A dynamic code pays once and not after its expiry. The payment clears at once from your position to the acquirer's and is answered `succeeded`; both sides are told by the `barcode_payment.succeeded` webhook, and the acquirer finds it by its order reference.
         *
         *     A refused request writes nothing. The `id` is the idempotency key: the same body again answers the payment as it is (`idempotent-replayed: true`) and never pays twice; a different body answers 409 `idempotency_key_reused`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Your id of the payment, unique among yours: the key that makes a retry safe. */
                        id: string;
                        /** @description The merchant-presented code as your customer's app scanned it (EMVCo MPM) */
                        payload: string;
                        /**
                         * @description A decimal string in the currency's major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits. The amount your customer entered: required for a static code; for a dynamic code, left out or equal to the code's
                         * @example 12.30
                         */
                        amount?: string;
                        /**
                         * @description An ISO 4217 alphabetic code, e.g. EUR
                         * @example EUR
                         */
                        currency?: string;
                        payer: {
                            /** @description Your own reference of the paying customer: the daily limits count by it. The hub keeps only its digest. */
                            customerRef: string;
                            /** @description How your customer verified this payment (PBOC barcode rules): A two or more factors including a digital certificate or electronic signature; B two or more factors; C fewer than two. A static code always counts as D. */
                            verificationLevel: "A" | "B" | "C" | "D";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The hub's id of the payment, the same for both sides */
                            paymentId: string;
                            id: string | null;
                            /** @description static_qr, dynamic_qr: the merchant presented an EMVCo code the customer scanned. payment_code, prepaid_card: the customer presented a one-time code or a card the merchant read */
                            instrument: "static_qr" | "dynamic_qr" | "payment_code" | "prepaid_card";
                            /** @description The institution holding the payer's money */
                            issuerId: string;
                            /** @description The institution serving the merchant */
                            acquirerId: string;
                            /** @description The acquirer's id of the merchant */
                            merchantId: string;
                            orderReference: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            refunded: string;
                            maskedNumber: string | null;
                            /** @description The level the payment counted at against the customer's daily limit */
                            verificationLevel: ("A" | "B" | "C" | "D") | null;
                            /** @description succeeded: cleared from the issuer to the acquirer. authorising, unknown, pending: a consumer-presented payment the issuer has not surely decided; the hub asks until it knows. declined: the issuer refused it; no money moved. reversed: given up by the acquirer and undone at the issuer. */
                            state: "authorising" | "unknown" | "pending" | "reversing" | "succeeded" | "declined" | "reversed";
                            authorizationCode: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            settledAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `merchant_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `qr_code_used`, `merchant_closed`, `participant_inactive`, `idempotency_key_reused` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `currency_unknown`, `currency_required`, `amount_invalid`, `amount_not_positive`, `amount_too_precise`, `amount_too_large`, `qr_format_invalid`, `qr_too_long`, `qr_length_invalid`, `qr_tag_repeated`, `qr_tag_missing`, `qr_crc_invalid`, `qr_field_invalid`, `qr_not_clearhub`, `qr_amount_missing`, `qr_amount_not_allowed`, `qr_code_expired`, `qr_amount_required`, `qr_amount_mismatch`, `acquirer_inactive`, `payment_currency_unsupported`, `limit_exceeded`, `currency_has_no_limits`, `exceeds_net_debit_cap` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/barcode-payments/{paymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A barcode payment you are party to, as issuer or acquirer, by the hub's id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The hub's id of the payment, the same for both sides */
                            paymentId: string;
                            id: string | null;
                            /** @description static_qr, dynamic_qr: the merchant presented an EMVCo code the customer scanned. payment_code, prepaid_card: the customer presented a one-time code or a card the merchant read */
                            instrument: "static_qr" | "dynamic_qr" | "payment_code" | "prepaid_card";
                            /** @description The institution holding the payer's money */
                            issuerId: string;
                            /** @description The institution serving the merchant */
                            acquirerId: string;
                            /** @description The acquirer's id of the merchant */
                            merchantId: string;
                            orderReference: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            refunded: string;
                            maskedNumber: string | null;
                            /** @description The level the payment counted at against the customer's daily limit */
                            verificationLevel: ("A" | "B" | "C" | "D") | null;
                            /** @description succeeded: cleared from the issuer to the acquirer. authorising, unknown, pending: a consumer-presented payment the issuer has not surely decided; the hub asks until it knows. declined: the issuer refused it; no money moved. reversed: given up by the acquirer and undone at the issuer. */
                            state: "authorising" | "unknown" | "pending" | "reversing" | "succeeded" | "declined" | "reversed";
                            authorizationCode: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            settledAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `barcode_payment_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/orders/{orderReference}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What was paid for one of your merchants' orders (its dynamic codes' reference)
         * @description The acquirer's order lookup: the payments whose dynamic code carried this order reference, oldest first. A dynamic code pays once, so a paid order has one; an empty list means not paid (yet).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchantId: string;
                    orderReference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The hub's id of the payment, the same for both sides */
                                paymentId: string;
                                id: string | null;
                                /** @description static_qr, dynamic_qr: the merchant presented an EMVCo code the customer scanned. payment_code, prepaid_card: the customer presented a one-time code or a card the merchant read */
                                instrument: "static_qr" | "dynamic_qr" | "payment_code" | "prepaid_card";
                                /** @description The institution holding the payer's money */
                                issuerId: string;
                                /** @description The institution serving the merchant */
                                acquirerId: string;
                                /** @description The acquirer's id of the merchant */
                                merchantId: string;
                                orderReference: string | null;
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                amount: string;
                                currency: string;
                                /**
                                 * @description A decimal string with exactly the currency's minor digits
                                 * @example 12.30
                                 */
                                refunded: string;
                                maskedNumber: string | null;
                                /** @description The level the payment counted at against the customer's daily limit */
                                verificationLevel: ("A" | "B" | "C" | "D") | null;
                                /** @description succeeded: cleared from the issuer to the acquirer. authorising, unknown, pending: a consumer-presented payment the issuer has not surely decided; the hub asks until it knows. declined: the issuer refused it; no money moved. reversed: given up by the acquirer and undone at the issuer. */
                                state: "authorising" | "unknown" | "pending" | "reversing" | "succeeded" | "declined" | "reversed";
                                authorizationCode: string | null;
                                failure: {
                                    code: string;
                                    reason: string;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                settledAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/code-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a payment by a customer's payment code or prepaid card (consumer-presented)
         * @description Send the number your terminal read, the amount and your merchant. The hub routes the number by its prefix to the issuer that assigned it, reserves the amount from the issuer's position to yours, and asks the issuer's wallet interface to authorise it; the issuer checks the code, the customer's balance and verification, and the hub holds the customer to the day's limit of that verification level. The answer is the payment as the issuer's answer left it: `succeeded` (cleared to you), `declined` (nothing moved), `pending` (the customer confirms in the app), or `unknown` (the issuer's answer was lost; the hub asks until it knows). Every later change is sent by the `barcode_payment.*` webhooks. A payment whose outcome you cannot wait for is given up with `POST /v1/code-payments/{id}/reversal`.
         *
         *     A refused request writes nothing. The `id` is the idempotency key: the same body again answers the payment as it is now (`idempotent-replayed: true`) and never pays twice; a different body answers 409 `idempotency_key_reused`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Your id of the payment, unique among yours: the key that makes a retry safe. */
                        id: string;
                        /** @description What the customer presented. The hub routes it by its prefix to the issuer that assigned it, and never shows it unmasked. */
                        instrument: {
                            /** @enum {string} */
                            kind: "payment_code";
                            /** @description The one-time payment code the customer's app showed, as scanned */
                            number: string;
                        } | {
                            /** @enum {string} */
                            kind: "prepaid_card";
                            /** @description The prepaid card's number */
                            number: string;
                        };
                        /**
                         * @description A decimal string in the currency's major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits.
                         * @example 12.30
                         */
                        amount: string;
                        /**
                         * @description An ISO 4217 alphabetic code, e.g. EUR
                         * @example EUR
                         */
                        currency: string;
                        /** @description Your merchant that took the payment, as registered in the directory */
                        merchantId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The hub's id of the payment, the same for both sides */
                            paymentId: string;
                            id: string | null;
                            /** @description static_qr, dynamic_qr: the merchant presented an EMVCo code the customer scanned. payment_code, prepaid_card: the customer presented a one-time code or a card the merchant read */
                            instrument: "static_qr" | "dynamic_qr" | "payment_code" | "prepaid_card";
                            /** @description The institution holding the payer's money */
                            issuerId: string;
                            /** @description The institution serving the merchant */
                            acquirerId: string;
                            /** @description The acquirer's id of the merchant */
                            merchantId: string;
                            orderReference: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            refunded: string;
                            maskedNumber: string | null;
                            /** @description The level the payment counted at against the customer's daily limit */
                            verificationLevel: ("A" | "B" | "C" | "D") | null;
                            /** @description succeeded: cleared from the issuer to the acquirer. authorising, unknown, pending: a consumer-presented payment the issuer has not surely decided; the hub asks until it knows. declined: the issuer refused it; no money moved. reversed: given up by the acquirer and undone at the issuer. */
                            state: "authorising" | "unknown" | "pending" | "reversing" | "succeeded" | "declined" | "reversed";
                            authorizationCode: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            settledAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `merchant_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `participant_inactive`, `merchant_closed`, `idempotency_key_reused` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `currency_unknown`, `amount_invalid`, `amount_not_positive`, `amount_too_precise`, `amount_too_large`, `code_prefix_unknown`, `issuer_inactive`, `payment_currency_unsupported` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/code-payments/{id}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give up a code payment whose outcome you never learnt
         * @description For a payment still `authorising`, `unknown` or `pending` (your terminal timed out, the customer walked away). No money moves to you; the hub tells the issuer to reverse it, so the customer is not charged, and sends it again until the issuer confirms: the payment is then `reversed`. Asked again, answers the payment as it stands. A payment that `succeeded` cannot be reversed (refund it); a declined one needs nothing (409 `barcode_payment_final`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The hub's id of the payment, the same for both sides */
                            paymentId: string;
                            id: string | null;
                            /** @description static_qr, dynamic_qr: the merchant presented an EMVCo code the customer scanned. payment_code, prepaid_card: the customer presented a one-time code or a card the merchant read */
                            instrument: "static_qr" | "dynamic_qr" | "payment_code" | "prepaid_card";
                            /** @description The institution holding the payer's money */
                            issuerId: string;
                            /** @description The institution serving the merchant */
                            acquirerId: string;
                            /** @description The acquirer's id of the merchant */
                            merchantId: string;
                            orderReference: string | null;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            refunded: string;
                            maskedNumber: string | null;
                            /** @description The level the payment counted at against the customer's daily limit */
                            verificationLevel: ("A" | "B" | "C" | "D") | null;
                            /** @description succeeded: cleared from the issuer to the acquirer. authorising, unknown, pending: a consumer-presented payment the issuer has not surely decided; the hub asks until it knows. declined: the issuer refused it; no money moved. reversed: given up by the acquirer and undone at the issuer. */
                            state: "authorising" | "unknown" | "pending" | "reversing" | "succeeded" | "declined" | "reversed";
                            authorizationCode: string | null;
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            settledAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `barcode_payment_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `barcode_payment_final` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet-notices/code-payment-outcomes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An issuer tells the hub the final outcome of a payment it answered pending
         * @description Signed with the issuer's participant key. Settles the payment exactly as an inquiry answering the same would: the reservation is committed (within the customer's daily limit) or voided, and both sides are told by webhook. Applied once by `noticeId`; a repeat, or a notice about a payment the hub did not send this issuer, is answered 204 all the same.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The late outcome of a payment the issuer answered `pending`, the same outcome an inquiry now answers. The hub clears or declines the payment, once however often the notice comes, and tells the acquirer. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The issuer's id of the notice, the same on every repetition: the hub deduplicates on it. */
                        noticeId: string;
                        /**
                         * Format: date-time
                         * @description When the payment's outcome was decided
                         */
                        decidedAt: string;
                        /** @description The hub's id of the payment, unique across every payment the hub sends: the idempotency key. The same id always means the same payment; the issuer never charges it twice. */
                        paymentId: string;
                        /** @enum {string} */
                        status: "approved";
                        /** @description The issuer's authorisation code: its proof that it approved and charged the payment */
                        authorizationCode: string;
                        /** @description The issuer's opaque reference of the customer, the same for every payment of that customer: the hub sums the customer's payments of the day under it for the level's limit. */
                        customerRef: string;
                        /** @description The factors the customer used (PBOC barcode rules): A two or more including a digital certificate or electronic signature, B two or more, C fewer than two, D a static code. The hub applies the level's daily limit per customer. */
                        verificationLevel: "A" | "B" | "C" | "D";
                        /**
                         * Format: date-time
                         * @description When the issuer charged the customer
                         */
                        approvedAt: string;
                    } | {
                        /** @description The issuer's id of the notice, the same on every repetition: the hub deduplicates on it. */
                        noticeId: string;
                        /**
                         * Format: date-time
                         * @description When the payment's outcome was decided
                         */
                        decidedAt: string;
                        /** @description The hub's id of the payment, unique across every payment the hub sends: the idempotency key. The same id always means the same payment; the issuer never charges it twice. */
                        paymentId: string;
                        /** @enum {string} */
                        status: "declined";
                        /** @description Why; the interface description lists the reasons */
                        reasonCode: "code_unknown" | "code_expired" | "code_used" | "insufficient_funds" | "customer_blocked" | "limit_exceeded" | "card_blocked" | "payment_not_received" | "issuer_decision";
                        /** @description The issuer's own words, for people: logs, the operator console, support */
                        reasonText: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/barcode-payments/{paymentId}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund all or part of a barcode payment made to one of your merchants
         * @description Only the payment's acquirer refunds it, and only a `succeeded` payment. The refunds of a payment, pending and done, never pass its amount together; a refund that would is refused with `refund_exceeds_payment` and writes nothing.
         *
         *     A merchant-presented payment's refund clears at once from your position to the issuer's and is answered `succeeded`. A consumer-presented payment's refund is sent to the issuer's wallet: answered `succeeded` or `declined` (its amount may then be refunded again), or `processing`/`unknown` while the hub asks the issuer. Both sides are told by the `barcode_refund.succeeded` or `barcode_refund.declined` webhook.
         *
         *     The `id` is the idempotency key: the same body again answers the refund as it is (`idempotent-replayed: true`) and never refunds twice; a different body answers 409 `idempotency_key_reused`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit. Your id of the refund, unique among yours: the key that makes a retry safe. */
                        id: string;
                        /**
                         * @description A decimal string in the currency's major unit, e.g. "12.30" for 12.30 EUR; at most as many decimals as the currency has minor digits. How much to give back: all of the payment or part of it
                         * @example 12.30
                         */
                        amount: string;
                        /**
                         * @description An ISO 4217 alphabetic code, e.g. EUR
                         * @example EUR
                         */
                        currency: string;
                        /** @description Why, for people */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The hub's id of the refund, the same for both sides */
                            refundId: string;
                            id: string | null;
                            /** @description The refunded barcode payment */
                            paymentId: string;
                            acquirerId: string;
                            issuerId: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            reason: string | null;
                            /** @description succeeded: cleared from the acquirer back to the issuer, which credits its customer. processing, unknown: sent to the issuer's wallet and not surely decided; the hub asks until it knows. declined: the issuer refused it (or the ledger did); its amount may be refunded again. */
                            state: "processing" | "unknown" | "succeeded" | "declined";
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            settledAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `barcode_payment_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `barcode_payment_not_refundable`, `refund_exceeds_payment`, `participant_inactive`, `idempotency_key_reused` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `currency_unknown`, `amount_invalid`, `amount_not_positive`, `amount_too_precise`, `amount_too_large`, `refund_currency_mismatch` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/barcode-refunds/{refundId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A refund of a barcode payment you are party to, as acquirer or issuer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    refundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The hub's id of the refund, the same for both sides */
                            refundId: string;
                            id: string | null;
                            /** @description The refunded barcode payment */
                            paymentId: string;
                            acquirerId: string;
                            issuerId: string;
                            /**
                             * @description A decimal string with exactly the currency's minor digits
                             * @example 12.30
                             */
                            amount: string;
                            currency: string;
                            reason: string | null;
                            /** @description succeeded: cleared from the acquirer back to the issuer, which credits its customer. processing, unknown: sent to the issuer's wallet and not surely decided; the hub asks until it knows. declined: the issuer refused it (or the ledger did); its amount may be refunded again. */
                            state: "processing" | "unknown" | "succeeded" | "declined";
                            failure: {
                                code: string;
                                reason: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            settledAt: string | null;
                        };
                    };
                };
                /** @description Problem: `request_malformed`, `request_invalid`, `body_invalid_json`, `body_duplicate_key` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `signature_missing`, `signature_malformed`, `signature_components_insufficient`, `signature_created_out_of_window`, `key_unknown`, `key_revoked`, `digest_mismatch`, `signature_invalid`, `nonce_replayed`, `key_owner_terminated` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `operation_not_permitted` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `barcode_refund_not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `body_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `media_type_unsupported` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `internal_error` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem: `database_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "transfer.credited": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A posted transfer credited your position (sent to the payee).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransferEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "transfer.reserved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pending transfer reserved funds for you (sent to the payee).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransferEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "transfer.committed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pending transfer was committed (sent to both parties).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransferEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "transfer.voided": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pending transfer was voided (sent to both parties).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransferEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "transfer.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pending transfer expired before it was committed (sent to both parties).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransferEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreement.unsigned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A quick-pay agreement ended, by the bank or by you (sent to the payment institution).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AgreementEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An agreement payment debited the customer's account (sent to the payment institution).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An agreement payment failed; no money moved (sent to the payment institution).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payout credited the customer's account (sent to the payment institution).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payout failed; no money moved (sent to the payment institution).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A refund returned money to the customer's account (sent to the payment institution).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A refund failed; no money moved (sent to the payment institution).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "channel.suspended": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The operator suspended some or all of your bill-payment capabilities (sent to the channel).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChannelEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "channel.suspension_lifted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The operator restored suspended capabilities (sent to the channel).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChannelEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "channel.terminated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The operator terminated you as a channel; that is final (sent to the channel).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChannelEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bill.presented": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A biller issued or changed a bill of a customer you subscribed to (sent to the channel).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BillEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bill_payment.posted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The biller credited the customer with a bill payment and gave its receipt (sent to the channel).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BillPaymentEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bill_payment.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The biller refused a bill payment; the money was cleared back to you (sent to the channel).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BillPaymentEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bill_payment.reversed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The biller reversed a bill payment it had credited; the money was cleared back to you (sent to the channel).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BillPaymentEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bill_payment.posting_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A bill payment could not be posted to the biller within its deadline; the operator settles it with the biller (sent to the channel).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BillPaymentEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "barcode_payment.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A barcode payment was cleared from the issuer to the acquirer (sent to both).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "barcode_payment.declined": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The issuer declined a consumer-presented barcode payment; no money moved (sent to both).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "barcode_payment.reversed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A barcode payment whose outcome was unknown was reversed: the customer is not charged, and any money cleared went back (sent to both).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "barcode_refund.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A refund of a barcode payment cleared from the acquirer back to the issuer, which credits its customer (sent to both).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "barcode_refund.declined": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A refund of a consumer-presented barcode payment was declined by the issuer; its amount may be refunded again (sent to both).
         * @description Sent to every endpoint of the recipient subscribed to this type, signed by the hub (see the webhooks tag and `/.well-known/clearhub-hub-keys`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BankOperationEvent"];
                };
            };
            responses: {
                /** @description The event is stored; the delivery is done */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A failure: the hub retries later, then marks it dead */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** Problem */
        Problem: {
            /** @description urn:clearhub:problem:<code> */
            type: string;
            title: string;
            status: number;
            /**
             * @description The problem code; the API description lists each with its status. Clients should expect codes added in later versions.
             * @enum {string}
             */
            code: "request_invalid" | "request_malformed" | "headers_too_large" | "request_timeout" | "body_invalid_json" | "body_duplicate_key" | "body_too_large" | "media_type_unsupported" | "route_not_found" | "credentials_missing" | "credentials_invalid" | "role_insufficient" | "csrf_token_invalid" | "session_required" | "login_failed" | "login_rate_limited" | "operator_name_invalid" | "password_invalid" | "operator_account_exists" | "operator_account_not_found" | "operator_account_disabled" | "approval_not_found" | "approval_not_pending" | "approval_expired" | "approval_by_proposer" | "operator_account_last_admin" | "currency_duplicate" | "transfers_invalid" | "batch_too_large" | "transfer_not_found" | "cursor_invalid" | "filter_incomplete" | "trace_not_found" | "bank_operation_final" | "payee_not_found" | "payee_is_payer" | "payee_currency_not_held" | "idempotency_key_reused" | "transfer_id_taken" | "transfer_id_reserved" | "sealed_data_unreadable" | "card_number_invalid" | "card_number_check_digit_invalid" | "bank_account_number_invalid" | "id_number_invalid" | "mobile_number_invalid" | "resolution_not_permitted" | "database_unavailable" | "internal_error" | "signature_missing" | "signature_malformed" | "signature_components_insufficient" | "signature_created_out_of_window" | "key_unknown" | "key_revoked" | "digest_mismatch" | "signature_invalid" | "nonce_replayed" | "key_owner_terminated" | "operation_not_permitted" | "participant_id_invalid" | "participant_name_invalid" | "participant_exists" | "participant_not_found" | "operator_kind_reserved" | "currency_unknown" | "currency_not_held" | "status_unchanged" | "participant_terminated" | "status_changed_concurrently" | "operator_status_fixed" | "reserve_cap_factor_invalid" | "reserve_cap_rule_not_found" | "net_debit_cap_follows_reserve" | "currency_held" | "public_key_invalid" | "key_not_found" | "key_already_revoked" | "active_keys_exhausted" | "amount_invalid" | "amount_not_positive" | "amount_too_precise" | "amount_too_large" | "linked_event_failed" | "linked_event_chain_open" | "id_invalid" | "amount_must_be_positive" | "accounts_must_be_different" | "timeout_invalid" | "reference_invalid" | "exists_with_different_fields" | "account_not_found" | "currency_mismatch" | "participant_inactive" | "balance_overflow" | "pending_not_found" | "already_committed" | "already_voided" | "pending_expired" | "pending_not_expired" | "exceeds_net_debit_cap" | "insufficient_liquidity" | "storage_unavailable" | "webhook_endpoint_id_invalid" | "webhook_url_invalid" | "webhook_event_types_invalid" | "webhook_endpoint_conflict" | "webhook_endpoints_exhausted" | "webhook_endpoint_not_found" | "webhook_delivery_not_found" | "webhook_delivery_pending" | "participant_not_bank" | "bank_endpoint_id_invalid" | "bank_endpoint_url_invalid" | "bank_endpoint_settings_invalid" | "bank_endpoint_exists" | "bank_endpoints_exhausted" | "bank_endpoint_not_found" | "bank_endpoint_disabled" | "webhook_destination_forbidden" | "bank_endpoint_in_use" | "bank_endpoint_is_primary" | "bank_endpoint_retired" | "bank_endpoint_agreements_pinned" | "bank_endpoint_migrating" | "endpoint_migration_id_invalid" | "endpoint_migration_same_endpoint" | "endpoint_migration_weight_invalid" | "endpoint_migration_exists" | "endpoint_migration_conflict" | "endpoint_migration_not_found" | "endpoint_migration_not_active" | "endpoint_migration_weight_not_full" | "endpoint_migration_history_full" | "endpoint_migration_source_is_primary" | "account_or_card_required" | "bank_not_found" | "bank_unavailable" | "bank_outcome_unknown" | "agreement_not_found" | "agreement_not_awaiting_otp" | "agreement_not_active" | "otp_invalid" | "payment_currency_unsupported" | "exceeds_transaction_limit" | "exceeds_daily_limit" | "exceeds_refundable_amount" | "payout_creditor_required" | "payment_not_refundable" | "bank_operation_not_found" | "biller_not_found" | "participant_not_biller" | "biller_profile_invalid" | "participant_not_channel" | "channel_terminated" | "channel_suspended" | "honour_deadline_passed" | "suspension_capabilities_empty" | "suspension_reason_invalid" | "honour_deadline_missing" | "honour_deadline_unexpected" | "honour_policy_not_applicable" | "honour_deadline_past" | "honour_deadline_too_far" | "capability_already_suspended" | "capability_not_suspended" | "channel_not_suspended" | "suspension_changed_concurrently" | "biller_inactive" | "bill_fetch_not_supported" | "bill_ref_not_found" | "bill_ref_expired" | "bill_ref_or_parameters_required" | "direct_payment_not_allowed" | "bill_subscriptions_full" | "bill_subscription_not_found" | "bill_amounts_inconsistent" | "bill_period_reversed" | "customer_parameters_invalid" | "bill_customer_not_found" | "biller_unavailable" | "channel_quota_exceeded" | "biller_capacity_exceeded" | "amount_not_allowed" | "bill_payment_not_found" | "reversal_amount_mismatch" | "bill_payment_not_reversible" | "window_not_found" | "settlement_file_not_found" | "window_not_open" | "window_not_closed" | "window_already_settled" | "window_aborted" | "window_settling" | "participant_not_in_window" | "liquidity_shortfall" | "confirmation_file_mismatch" | "confirmation_file_malformed" | "business_day_invalid" | "record_malformed" | "record_media_type" | "break_not_found" | "break_resolved" | "break_not_reversible" | "write_off_reason_invalid" | "reversal_refused" | "statement_currency_required" | "statement_currency_not_held" | "fee_value_negative" | "fee_value_too_large" | "fee_basis_points_invalid" | "fee_minimum_above_maximum" | "fee_payer_is_operator" | "barcode_limit_invalid" | "fee_schedule_not_found" | "merchant_not_found" | "merchant_closed" | "merchant_invalid" | "participant_not_acquirer" | "code_prefix_invalid" | "code_prefix_overlaps" | "code_prefix_not_found" | "code_prefix_unknown" | "participant_not_issuer" | "qr_format_invalid" | "qr_too_long" | "qr_length_invalid" | "qr_tag_repeated" | "qr_tag_missing" | "qr_crc_invalid" | "qr_field_invalid" | "qr_not_clearhub" | "qr_amount_missing" | "qr_amount_not_allowed" | "currency_required" | "qr_code_expired" | "qr_code_used" | "qr_amount_required" | "qr_amount_mismatch" | "acquirer_inactive" | "limit_exceeded" | "currency_has_no_limits" | "issuer_inactive" | "barcode_payment_final" | "barcode_payment_not_found" | "barcode_payment_not_refundable" | "refund_currency_mismatch" | "refund_exceeds_payment" | "barcode_refund_not_found";
            detail?: string;
            errors?: {
                /** @description For bulk requests: the position of the offending item */
                index?: number;
                /** @description A machine-readable code for this error */
                code?: string;
                /** @description Where the error is: body, querystring, params or headers */
                location?: string;
                /** @description JSON Pointer (RFC 6901) to the offending value */
                pointer?: string;
                detail?: string;
            }[];
        };
        /**
         * TransferEvent
         * @description What happened to a transfer between two participants' positions.
         */
        TransferEvent: {
            /**
             * @description `<type>:<transferId>`: the same for every recipient, endpoint and retry, and equal to the `webhook-id` header. Deduplicate on it.
             * @example transfer.credited:t-1
             */
            id: string;
            /** @description Equal to the `webhook-event` header */
            type: "transfer.credited" | "transfer.reserved" | "transfer.committed" | "transfer.voided" | "transfer.expired";
            /**
             * Format: date-time
             * @description When the ledger applied the transfer that raised the event
             */
            createdAt: string;
            data: {
                /** @description The transfer the event is about; for a reservation, the pending one */
                transferId: string;
                /** @description Where the transfer stands after this event; events of one transfer may arrive out of order */
                state: "posted" | "reserved" | "committed" | "voided" | "expired";
                /** @description The paying participant's id */
                payer: string;
                /** @description The receiving participant's id */
                payee: string;
                /**
                 * @description A decimal string with exactly the currency's minor digits
                 * @example 12.30
                 */
                amount: string;
                currency: string;
                reference: string | null;
                /** @description The fee the payer was charged with the transfer, moved in the same ledger batch as this event's change (posted, reserved, committed or voided with it); null when none moved with it */
                fee: {
                    /**
                     * @description A decimal string with exactly the currency's minor digits
                     * @example 12.30
                     */
                    amount: string;
                    currency: string;
                } | null;
            };
        };
        /**
         * AgreementEvent
         * @description What happened to a quick-pay agreement of the payment institution.
         */
        AgreementEvent: {
            /**
             * @description `<type>:<paymentInstitutionId>:<agreementId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it.
             * @example agreement.unsigned:wallet-a:ag-1
             */
            id: string;
            /**
             * @description Equal to the `webhook-event` header
             * @enum {string}
             */
            type: "agreement.unsigned";
            /**
             * Format: date-time
             * @description When the agreement ended
             */
            createdAt: string;
            data: {
                /** @description Your id of the agreement */
                agreementId: string;
                bankId: string;
                /** @description The bank's number of the agreement */
                agreementNumber: string | null;
                unsignedBy: ("payment_institution" | "bank") | null;
                state: "requested" | "otp_sent" | "active" | "failed" | "unsigned";
            };
        };
        /**
         * BankOperationEvent
         * @description A payment, payout or refund of the payment institution reached its final state.
         */
        BankOperationEvent: {
            /** @description `<type>:<paymentInstitutionId>:<operationId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it. */
            id: string;
            /** @description Equal to the `webhook-event` header */
            type: "payment.succeeded" | "payment.failed" | "payout.succeeded" | "payout.failed" | "refund.succeeded" | "refund.failed";
            /**
             * Format: date-time
             * @description When the hub settled it
             */
            createdAt: string;
            data: {
                /** @description Your id of the payment, payout or refund */
                operationId: string;
                kind: "debit" | "credit" | "refund";
                bankId: string;
                agreementId: string | null;
                /**
                 * @description A decimal string with exactly the currency's minor digits
                 * @example 12.30
                 */
                amount: string;
                /** @description The fee the institution is charged with the operation: charged if it succeeded, released if it failed. null for none */
                fee: {
                    /**
                     * @description A decimal string with exactly the currency's minor digits
                     * @example 12.30
                     */
                    amount: string;
                    currency: string;
                } | null;
                currency: string;
                state: "succeeded" | "failed";
                /** @description The hub's id of the transaction at the bank */
                transactionId: string;
                bankReference: string | null;
                failure: {
                    code: string;
                    reason: string;
                } | null;
            };
        };
        /**
         * ChannelEvent
         * @description The operator suspended, restored or terminated you as a bill-payment channel.
         */
        ChannelEvent: {
            /**
             * @description `<type>:<channelId>:<stepId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it.
             * @example channel.suspended:wallet-a:6f1c0c8e-1d5b-4d8e-9d57-0a8f6f1b2c3d
             */
            id: string;
            /** @description Equal to the `webhook-event` header */
            type: "channel.suspended" | "channel.suspension_lifted" | "channel.terminated";
            /**
             * Format: date-time
             * @description When the operator took the step
             */
            createdAt: string;
            data: {
                /** @description You */
                channelId: string;
                /** @description Suspended, or restored; for a termination, those that were suspended until then */
                capabilities: ("bill_inquiry" | "bill_payment")[];
                /** @description The operator's reason; null when capabilities are restored */
                reason: string | null;
                /** @description For a suspension: reject (no payment goes through) or honour_presented (payments quoting bills presented to you before the suspension go through until honourDeadline; new inquiries are refused) */
                policy: ("reject" | "honour_presented") | null;
                /** @description When honouring ends; a payment at or after it is refused */
                honourDeadline: string | null;
            };
        };
        /**
         * BillEvent
         * @description A biller issued or changed a bill of a customer you subscribed to: what to show your user, without asking the biller.
         */
        BillEvent: {
            /**
             * @description `bill.presented:<billerId>:<noticeId>:<subscriptionId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it.
             * @example bill.presented:water-co:BILL-7f3a-00000001:bs-3f0c9a7e-6a44-4d0c-9a55-2f8d1f0e6b1d
             */
            id: string;
            /**
             * @description Equal to the `webhook-event` header
             * @enum {string}
             */
            type: "bill.presented";
            /**
             * Format: date-time
             * @description When the hub received the biller's notice
             */
            createdAt: string;
            data: {
                /** @description Your subscription the bill matched */
                subscriptionId: string;
                /** @description The reference you subscribed with */
                reference: string | null;
                billerId: string;
                /** @description The customer's parameters, masked (`****4567`). The clear ones are those you subscribed with; the hub never writes them into an event. */
                customerParameters: {
                    [key: string]: string;
                };
                /** @description new: a bill the customer did not have; changed: a bill presented before demands another amount or date (the same `billNumber`) */
                kind: "new" | "changed";
                bill: {
                    /** @description The biller's number of the bill */
                    billNumber: string;
                    currency: string;
                    /**
                     * @description A decimal string with exactly the currency's minor digits
                     * @example 12.30
                     */
                    amountDue: string;
                    /** @description The least the biller accepts, when it takes part payments */
                    amountMin: string | null;
                    /** @description The most the biller accepts, when it takes advance payments */
                    amountMax: string | null;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    dueDate: string;
                    period: {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        to: string;
                    } | null;
                    description: string | null;
                };
                /**
                 * Format: date-time
                 * @description When the biller issued or changed the bill
                 */
                issuedAt: string;
            };
        };
        /**
         * BillPaymentEvent
         * @description A bill payment of the channel was posted, rejected, reversed or given up.
         */
        BillPaymentEvent: {
            /** @description `<type>:<channelId>:<paymentId>`: the same on every retry and equal to the `webhook-id` header. Deduplicate on it. */
            id: string;
            /** @description Equal to the `webhook-event` header */
            type: "bill_payment.posted" | "bill_payment.rejected" | "bill_payment.reversed" | "bill_payment.posting_failed";
            /**
             * Format: date-time
             * @description When the hub learnt it
             */
            createdAt: string;
            data: {
                /** @description Your id of the bill payment */
                paymentId: string;
                billerId: string;
                billRef: string | null;
                billNumber: string | null;
                /**
                 * @description A decimal string with exactly the currency's minor digits
                 * @example 12.30
                 */
                amount: string;
                currency: string;
                /** @description The fee you were charged with the payment's clearing; kept when the money is cleared back. null for none */
                fee: {
                    /**
                     * @description A decimal string with exactly the currency's minor digits
                     * @example 12.30
                     */
                    amount: string;
                    currency: string;
                } | null;
                /** @description posted: the biller credited the customer (receiptNumber). rejected, reversed: the money was cleared back to you. posting_failed: not posted within the deadline; the operator settles it with the biller. */
                state: "posted" | "rejected" | "reversed" | "posting_failed";
                /** @description The hub's id of the posting at the biller */
                postingId: string;
                receiptNumber: string | null;
                failure: {
                    code: string;
                    reason: string;
                } | null;
            };
        };
        /** ReconciliationBreak */
        ReconciliationBreak: {
            id: string;
            runId: string;
            participantId: string;
            day: string;
            kind: "duplicate" | "missing_at_hub" | "missing_at_participant" | "amount_differs" | "status_differs";
            hubTransactionId: string | null;
            participantReference: string | null;
            currency: string | null;
            hubAmount: string | null;
            participantAmount: string | null;
            hubStatus: string | null;
            participantStatus: string | null;
            /** @description The line of the participant's record */
            line: number | null;
            state: "open" | "accepted" | "reversed" | "written_off";
            reason: string | null;
            reversalTransferId: string | null;
            resolvedBy: string | null;
            resolvedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
