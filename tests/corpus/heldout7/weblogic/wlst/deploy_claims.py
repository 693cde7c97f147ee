# WLST script - redeploy claims EAR to the ClaimsCluster
# usage: $MW_HOME/oracle_common/common/bin/wlst.sh deploy_claims.py <ear>
import sys
import os

adminUrl = os.environ.get('WLS_ADMIN_URL', 't3://wls-adm01.corp.aurelis.local:7001')
earPath = sys.argv[1] if len(sys.argv) > 1 else '/opt/deploy/claims-ear/claims-ear-3.14.2.ear'
appName = 'claims-ear'
target = 'ClaimsCluster'

userConfig = '/home/oracle/.wlst/claims-userconfig.secure'
userKey = '/home/oracle/.wlst/claims-userkey.secure'

if os.path.exists(userConfig):
    connect(userConfigFile=userConfig, userKeyFile=userKey, url=adminUrl)
else:
    # fallback for the DR box where the secure files were never created
    connect('weblogic', 'Welcome1', adminUrl)

edit()
startEdit()
try:
    stopApplication(appName)
    undeploy(appName, targets=target, timeout=600000)
except Exception, e:
    print 'undeploy skipped: ', e

deploy(appName, earPath, targets=target, upload='true', timeout=900000)
save()
activate(block='true')
startApplication(appName)
disconnect()
exit()
