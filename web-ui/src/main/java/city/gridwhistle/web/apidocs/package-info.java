/** The native API's OpenAPI description: who may call, the error types every operation can answer, examples. */
package city.gridwhistle.web.apidocs;
