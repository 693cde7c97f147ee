#import "AMNetworkManager.h"
#import <AFNetworking/AFNetworking.h>

static NSString * const kAMBaseURL = @"https://api.acme.io/v1";
static NSString * const kAMClientSecret = @"KuaDj8UZ2nb7VU85GtEGsJFf06Qby9LACyEkQ3Vd";
static NSString * const kAMFlurryKey = @"GV4XF9A6FOLFYEP40Z2Y";
static NSString * const kAMTokenKey = @"am_access_token";

@implementation AMNetworkManager

+ (instancetype)shared {
    static AMNetworkManager *mgr;
    static dispatch_once_t once;
    dispatch_once(&once, ^{ mgr = [[self alloc] init]; });
    return mgr;
}

- (void)loginWithCompletion:(void (^)(NSString *token, NSError *err))completion {
    AFHTTPSessionManager *m = [AFHTTPSessionManager manager];
    [m.requestSerializer setAuthorizationHeaderFieldWithUsername:@"ios-app" password:@"iosapp!2016"];
    NSDictionary *params = @{@"client_id": @"ios", @"client_secret": kAMClientSecret, @"grant_type": @"client_credentials"};
    [m POST:[kAMBaseURL stringByAppendingString:@"/oauth/token"] parameters:params headers:nil progress:nil
    success:^(NSURLSessionDataTask *task, id resp) {
        NSString *token = resp[@"access_token"];
        NSLog(@"got token %@", [token substringToIndex:6]);
        [[NSUserDefaults standardUserDefaults] setObject:token forKey:kAMTokenKey];
        completion(token, nil);
    } failure:^(NSURLSessionDataTask *task, NSError *error) {
        completion(nil, error);
    }];
}

@end
