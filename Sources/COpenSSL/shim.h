/*
 * The whole C surface the Eichrecht library uses from OpenSSL (libcrypto).
 *
 * Each helper does one complete OpenSSL operation and cleans up after itself, so the Swift side
 * holds no OpenSSL state except opaque EVP_PKEY handles, which it frees through `EVP_PKEY_free`.
 * Every helper clears the thread's OpenSSL error queue before returning: a verifier that checks
 * millions of signatures must not let failed verifications pile up in it.
 */
#ifndef EICHRECHT_COPENSSL_SHIM_H
#define EICHRECHT_COPENSSL_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/x509.h>

/* SHA-256 of `len` bytes into `out` (32 bytes). Returns 1 on success. */
static inline int eichrecht_sha256(const uint8_t *data, size_t len, uint8_t *out) {
    unsigned int outlen = 0;
    int ok = EVP_Digest(data, len, out, &outlen, EVP_sha256(), NULL);
    ERR_clear_error();
    return ok == 1 && outlen == 32 ? 1 : 0;
}

/*
 * Decodes an SEC1 point (compressed 02/03‖X or uncompressed 04‖X‖Y) on the named curve and writes
 * it uncompressed into `out`. OpenSSL rejects points that are not on the curve.
 * Returns 1 on success, 0 when the point is not a valid point of the curve, -1 when the curve is
 * not available in this OpenSSL build, -2 when `out` is too small.
 */
static inline int eichrecht_point_to_uncompressed(int nid, const uint8_t *in, size_t inlen,
                                                  uint8_t *out, size_t outcap, size_t *outlen) {
    int result = 0;
    EC_GROUP *group = EC_GROUP_new_by_curve_name(nid);
    if (group == NULL) {
        ERR_clear_error();
        return -1;
    }
    EC_POINT *point = EC_POINT_new(group);
    if (point != NULL && EC_POINT_oct2point(group, point, in, inlen, NULL) == 1 &&
        EC_POINT_is_at_infinity(group, point) == 0 && EC_POINT_is_on_curve(group, point, NULL) == 1) {
        size_t need = EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, NULL, 0, NULL);
        if (need == 0) {
            result = 0;
        } else if (need > outcap) {
            result = -2;
        } else {
            *outlen = EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, out, outcap, NULL);
            result = *outlen == need ? 1 : 0;
        }
    }
    EC_POINT_free(point);
    EC_GROUP_free(group);
    ERR_clear_error();
    return result;
}

/* An EVP_PKEY from DER SubjectPublicKeyInfo bytes, or NULL. The caller frees it with EVP_PKEY_free. */
static inline EVP_PKEY *eichrecht_pkey_from_spki(const uint8_t *der, size_t len) {
    const unsigned char *cursor = der;
    EVP_PKEY *key = d2i_PUBKEY(NULL, &cursor, (long)len);
    if (key != NULL && cursor != der + len) {
        EVP_PKEY_free(key);
        key = NULL;
    }
    ERR_clear_error();
    return key;
}

/*
 * ECDSA verification of a precomputed digest. `sig` must be a DER ECDSA-Sig-Value.
 * Returns 1 when the signature verifies, 0 when it does not, -1 on an internal error.
 */
static inline int eichrecht_ecdsa_verify_digest(EVP_PKEY *key, const uint8_t *sig, size_t siglen,
                                                const uint8_t *digest, size_t digestlen) {
    int result = -1;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, NULL);
    if (ctx != NULL && EVP_PKEY_verify_init(ctx) == 1) {
        int rc = EVP_PKEY_verify(ctx, sig, siglen, digest, digestlen);
        result = rc == 1 ? 1 : (rc == 0 ? 0 : -1);
        /* OpenSSL reports a malformed or out-of-range signature as an error, not as 0. */
        if (rc < 0) {
            result = 0;
        }
    }
    EVP_PKEY_CTX_free(ctx);
    ERR_clear_error();
    return result;
}

#endif
