module github.com/qcloudkit/qcloud-sdk-go/interop

go 1.25

replace github.com/qcloudkit/qcloud-sdk-go => ../

require (
	github.com/qcloudkit/qcloud-sdk-go v0.0.0
	github.com/stretchr/testify v1.12.1
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.3.211
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/cvm v1.0.1000
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc v1.0.1000
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
