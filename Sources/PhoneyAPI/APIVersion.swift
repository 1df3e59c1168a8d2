/// The version the API reports on `/` and in the OpenAPI document.
package enum APIVersion {
    package static let current = "2.0.0"
}
