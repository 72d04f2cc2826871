package common

// Version is the SDK version sent in the User-Agent header.
const Version = "0.1.0"

// userAgent is the User-Agent header of every request.
const userAgent = "qcloud-sdk-go/" + Version
