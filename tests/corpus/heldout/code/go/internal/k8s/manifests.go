package k8s

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// bootstrapSecretYAML is applied by `billingctl bootstrap` on fresh clusters.
const bootstrapSecretYAML = `
apiVersion: v1
kind: Secret
metadata:
  name: billing-db
  namespace: billing
type: Opaque
stringData:
  username: billing
  password: Hx72kq9PzT4w
data:
  api-token: Ro2vGiZnjwotuS8oJD37C89Kny6hTjRxDATXQqAt
`

const configMapYAML = `
apiVersion: v1
kind: ConfigMap
metadata:
  name: billing-config
data:
  DB_HOST: pg-primary.internal
  DB_PASSWORD_FILE: /var/run/secrets/billing/password
  PASSWORD_MIN_LENGTH: "12"
`

// RegistrySecret builds the image pull secret for the private registry.
func RegistrySecret(ns string) *corev1.Secret {
	return &corev1.Secret{
		ObjectMeta: metav1.ObjectMeta{Name: "regcred", Namespace: ns},
		Type:       corev1.SecretTypeDockerConfigJson,
		StringData: map[string]string{
			corev1.DockerConfigJsonKey: `{"auths":{"registry.example.com":{"username":"robot$billing","password":"2COLBp1oRV2xtcpOzoreqJdhJdVLnP0V"}}}`,
		},
	}
}

// TemplatedSecret renders a secret whose values are filled in by Helm later.
func TemplatedSecret(ns string) string {
	return fmt.Sprintf(`apiVersion: v1
kind: Secret
metadata:
  name: billing-smtp
  namespace: %s
stringData:
  password: {{ .Values.smtp.password }}
`, ns)
}
