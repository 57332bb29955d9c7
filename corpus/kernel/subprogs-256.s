; case expect kernel {"release":"6.18.44-fc-v657","accepted":true,"class":null,"message":null,"outcomes":[{"input":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000","retval":0,"ctx":"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}]}
; 256 subprograms counting main, each called once from main: add_subprog allows BPF_MAX_SUBPROGS (256)
    call f1
    call f2
    call f3
    call f4
    call f5
    call f6
    call f7
    call f8
    call f9
    call f10
    call f11
    call f12
    call f13
    call f14
    call f15
    call f16
    call f17
    call f18
    call f19
    call f20
    call f21
    call f22
    call f23
    call f24
    call f25
    call f26
    call f27
    call f28
    call f29
    call f30
    call f31
    call f32
    call f33
    call f34
    call f35
    call f36
    call f37
    call f38
    call f39
    call f40
    call f41
    call f42
    call f43
    call f44
    call f45
    call f46
    call f47
    call f48
    call f49
    call f50
    call f51
    call f52
    call f53
    call f54
    call f55
    call f56
    call f57
    call f58
    call f59
    call f60
    call f61
    call f62
    call f63
    call f64
    call f65
    call f66
    call f67
    call f68
    call f69
    call f70
    call f71
    call f72
    call f73
    call f74
    call f75
    call f76
    call f77
    call f78
    call f79
    call f80
    call f81
    call f82
    call f83
    call f84
    call f85
    call f86
    call f87
    call f88
    call f89
    call f90
    call f91
    call f92
    call f93
    call f94
    call f95
    call f96
    call f97
    call f98
    call f99
    call f100
    call f101
    call f102
    call f103
    call f104
    call f105
    call f106
    call f107
    call f108
    call f109
    call f110
    call f111
    call f112
    call f113
    call f114
    call f115
    call f116
    call f117
    call f118
    call f119
    call f120
    call f121
    call f122
    call f123
    call f124
    call f125
    call f126
    call f127
    call f128
    call f129
    call f130
    call f131
    call f132
    call f133
    call f134
    call f135
    call f136
    call f137
    call f138
    call f139
    call f140
    call f141
    call f142
    call f143
    call f144
    call f145
    call f146
    call f147
    call f148
    call f149
    call f150
    call f151
    call f152
    call f153
    call f154
    call f155
    call f156
    call f157
    call f158
    call f159
    call f160
    call f161
    call f162
    call f163
    call f164
    call f165
    call f166
    call f167
    call f168
    call f169
    call f170
    call f171
    call f172
    call f173
    call f174
    call f175
    call f176
    call f177
    call f178
    call f179
    call f180
    call f181
    call f182
    call f183
    call f184
    call f185
    call f186
    call f187
    call f188
    call f189
    call f190
    call f191
    call f192
    call f193
    call f194
    call f195
    call f196
    call f197
    call f198
    call f199
    call f200
    call f201
    call f202
    call f203
    call f204
    call f205
    call f206
    call f207
    call f208
    call f209
    call f210
    call f211
    call f212
    call f213
    call f214
    call f215
    call f216
    call f217
    call f218
    call f219
    call f220
    call f221
    call f222
    call f223
    call f224
    call f225
    call f226
    call f227
    call f228
    call f229
    call f230
    call f231
    call f232
    call f233
    call f234
    call f235
    call f236
    call f237
    call f238
    call f239
    call f240
    call f241
    call f242
    call f243
    call f244
    call f245
    call f246
    call f247
    call f248
    call f249
    call f250
    call f251
    call f252
    call f253
    call f254
    call f255
    r0 = 0
    exit
.func f1 static
    r0 = 0
    exit
.func f2 static
    r0 = 0
    exit
.func f3 static
    r0 = 0
    exit
.func f4 static
    r0 = 0
    exit
.func f5 static
    r0 = 0
    exit
.func f6 static
    r0 = 0
    exit
.func f7 static
    r0 = 0
    exit
.func f8 static
    r0 = 0
    exit
.func f9 static
    r0 = 0
    exit
.func f10 static
    r0 = 0
    exit
.func f11 static
    r0 = 0
    exit
.func f12 static
    r0 = 0
    exit
.func f13 static
    r0 = 0
    exit
.func f14 static
    r0 = 0
    exit
.func f15 static
    r0 = 0
    exit
.func f16 static
    r0 = 0
    exit
.func f17 static
    r0 = 0
    exit
.func f18 static
    r0 = 0
    exit
.func f19 static
    r0 = 0
    exit
.func f20 static
    r0 = 0
    exit
.func f21 static
    r0 = 0
    exit
.func f22 static
    r0 = 0
    exit
.func f23 static
    r0 = 0
    exit
.func f24 static
    r0 = 0
    exit
.func f25 static
    r0 = 0
    exit
.func f26 static
    r0 = 0
    exit
.func f27 static
    r0 = 0
    exit
.func f28 static
    r0 = 0
    exit
.func f29 static
    r0 = 0
    exit
.func f30 static
    r0 = 0
    exit
.func f31 static
    r0 = 0
    exit
.func f32 static
    r0 = 0
    exit
.func f33 static
    r0 = 0
    exit
.func f34 static
    r0 = 0
    exit
.func f35 static
    r0 = 0
    exit
.func f36 static
    r0 = 0
    exit
.func f37 static
    r0 = 0
    exit
.func f38 static
    r0 = 0
    exit
.func f39 static
    r0 = 0
    exit
.func f40 static
    r0 = 0
    exit
.func f41 static
    r0 = 0
    exit
.func f42 static
    r0 = 0
    exit
.func f43 static
    r0 = 0
    exit
.func f44 static
    r0 = 0
    exit
.func f45 static
    r0 = 0
    exit
.func f46 static
    r0 = 0
    exit
.func f47 static
    r0 = 0
    exit
.func f48 static
    r0 = 0
    exit
.func f49 static
    r0 = 0
    exit
.func f50 static
    r0 = 0
    exit
.func f51 static
    r0 = 0
    exit
.func f52 static
    r0 = 0
    exit
.func f53 static
    r0 = 0
    exit
.func f54 static
    r0 = 0
    exit
.func f55 static
    r0 = 0
    exit
.func f56 static
    r0 = 0
    exit
.func f57 static
    r0 = 0
    exit
.func f58 static
    r0 = 0
    exit
.func f59 static
    r0 = 0
    exit
.func f60 static
    r0 = 0
    exit
.func f61 static
    r0 = 0
    exit
.func f62 static
    r0 = 0
    exit
.func f63 static
    r0 = 0
    exit
.func f64 static
    r0 = 0
    exit
.func f65 static
    r0 = 0
    exit
.func f66 static
    r0 = 0
    exit
.func f67 static
    r0 = 0
    exit
.func f68 static
    r0 = 0
    exit
.func f69 static
    r0 = 0
    exit
.func f70 static
    r0 = 0
    exit
.func f71 static
    r0 = 0
    exit
.func f72 static
    r0 = 0
    exit
.func f73 static
    r0 = 0
    exit
.func f74 static
    r0 = 0
    exit
.func f75 static
    r0 = 0
    exit
.func f76 static
    r0 = 0
    exit
.func f77 static
    r0 = 0
    exit
.func f78 static
    r0 = 0
    exit
.func f79 static
    r0 = 0
    exit
.func f80 static
    r0 = 0
    exit
.func f81 static
    r0 = 0
    exit
.func f82 static
    r0 = 0
    exit
.func f83 static
    r0 = 0
    exit
.func f84 static
    r0 = 0
    exit
.func f85 static
    r0 = 0
    exit
.func f86 static
    r0 = 0
    exit
.func f87 static
    r0 = 0
    exit
.func f88 static
    r0 = 0
    exit
.func f89 static
    r0 = 0
    exit
.func f90 static
    r0 = 0
    exit
.func f91 static
    r0 = 0
    exit
.func f92 static
    r0 = 0
    exit
.func f93 static
    r0 = 0
    exit
.func f94 static
    r0 = 0
    exit
.func f95 static
    r0 = 0
    exit
.func f96 static
    r0 = 0
    exit
.func f97 static
    r0 = 0
    exit
.func f98 static
    r0 = 0
    exit
.func f99 static
    r0 = 0
    exit
.func f100 static
    r0 = 0
    exit
.func f101 static
    r0 = 0
    exit
.func f102 static
    r0 = 0
    exit
.func f103 static
    r0 = 0
    exit
.func f104 static
    r0 = 0
    exit
.func f105 static
    r0 = 0
    exit
.func f106 static
    r0 = 0
    exit
.func f107 static
    r0 = 0
    exit
.func f108 static
    r0 = 0
    exit
.func f109 static
    r0 = 0
    exit
.func f110 static
    r0 = 0
    exit
.func f111 static
    r0 = 0
    exit
.func f112 static
    r0 = 0
    exit
.func f113 static
    r0 = 0
    exit
.func f114 static
    r0 = 0
    exit
.func f115 static
    r0 = 0
    exit
.func f116 static
    r0 = 0
    exit
.func f117 static
    r0 = 0
    exit
.func f118 static
    r0 = 0
    exit
.func f119 static
    r0 = 0
    exit
.func f120 static
    r0 = 0
    exit
.func f121 static
    r0 = 0
    exit
.func f122 static
    r0 = 0
    exit
.func f123 static
    r0 = 0
    exit
.func f124 static
    r0 = 0
    exit
.func f125 static
    r0 = 0
    exit
.func f126 static
    r0 = 0
    exit
.func f127 static
    r0 = 0
    exit
.func f128 static
    r0 = 0
    exit
.func f129 static
    r0 = 0
    exit
.func f130 static
    r0 = 0
    exit
.func f131 static
    r0 = 0
    exit
.func f132 static
    r0 = 0
    exit
.func f133 static
    r0 = 0
    exit
.func f134 static
    r0 = 0
    exit
.func f135 static
    r0 = 0
    exit
.func f136 static
    r0 = 0
    exit
.func f137 static
    r0 = 0
    exit
.func f138 static
    r0 = 0
    exit
.func f139 static
    r0 = 0
    exit
.func f140 static
    r0 = 0
    exit
.func f141 static
    r0 = 0
    exit
.func f142 static
    r0 = 0
    exit
.func f143 static
    r0 = 0
    exit
.func f144 static
    r0 = 0
    exit
.func f145 static
    r0 = 0
    exit
.func f146 static
    r0 = 0
    exit
.func f147 static
    r0 = 0
    exit
.func f148 static
    r0 = 0
    exit
.func f149 static
    r0 = 0
    exit
.func f150 static
    r0 = 0
    exit
.func f151 static
    r0 = 0
    exit
.func f152 static
    r0 = 0
    exit
.func f153 static
    r0 = 0
    exit
.func f154 static
    r0 = 0
    exit
.func f155 static
    r0 = 0
    exit
.func f156 static
    r0 = 0
    exit
.func f157 static
    r0 = 0
    exit
.func f158 static
    r0 = 0
    exit
.func f159 static
    r0 = 0
    exit
.func f160 static
    r0 = 0
    exit
.func f161 static
    r0 = 0
    exit
.func f162 static
    r0 = 0
    exit
.func f163 static
    r0 = 0
    exit
.func f164 static
    r0 = 0
    exit
.func f165 static
    r0 = 0
    exit
.func f166 static
    r0 = 0
    exit
.func f167 static
    r0 = 0
    exit
.func f168 static
    r0 = 0
    exit
.func f169 static
    r0 = 0
    exit
.func f170 static
    r0 = 0
    exit
.func f171 static
    r0 = 0
    exit
.func f172 static
    r0 = 0
    exit
.func f173 static
    r0 = 0
    exit
.func f174 static
    r0 = 0
    exit
.func f175 static
    r0 = 0
    exit
.func f176 static
    r0 = 0
    exit
.func f177 static
    r0 = 0
    exit
.func f178 static
    r0 = 0
    exit
.func f179 static
    r0 = 0
    exit
.func f180 static
    r0 = 0
    exit
.func f181 static
    r0 = 0
    exit
.func f182 static
    r0 = 0
    exit
.func f183 static
    r0 = 0
    exit
.func f184 static
    r0 = 0
    exit
.func f185 static
    r0 = 0
    exit
.func f186 static
    r0 = 0
    exit
.func f187 static
    r0 = 0
    exit
.func f188 static
    r0 = 0
    exit
.func f189 static
    r0 = 0
    exit
.func f190 static
    r0 = 0
    exit
.func f191 static
    r0 = 0
    exit
.func f192 static
    r0 = 0
    exit
.func f193 static
    r0 = 0
    exit
.func f194 static
    r0 = 0
    exit
.func f195 static
    r0 = 0
    exit
.func f196 static
    r0 = 0
    exit
.func f197 static
    r0 = 0
    exit
.func f198 static
    r0 = 0
    exit
.func f199 static
    r0 = 0
    exit
.func f200 static
    r0 = 0
    exit
.func f201 static
    r0 = 0
    exit
.func f202 static
    r0 = 0
    exit
.func f203 static
    r0 = 0
    exit
.func f204 static
    r0 = 0
    exit
.func f205 static
    r0 = 0
    exit
.func f206 static
    r0 = 0
    exit
.func f207 static
    r0 = 0
    exit
.func f208 static
    r0 = 0
    exit
.func f209 static
    r0 = 0
    exit
.func f210 static
    r0 = 0
    exit
.func f211 static
    r0 = 0
    exit
.func f212 static
    r0 = 0
    exit
.func f213 static
    r0 = 0
    exit
.func f214 static
    r0 = 0
    exit
.func f215 static
    r0 = 0
    exit
.func f216 static
    r0 = 0
    exit
.func f217 static
    r0 = 0
    exit
.func f218 static
    r0 = 0
    exit
.func f219 static
    r0 = 0
    exit
.func f220 static
    r0 = 0
    exit
.func f221 static
    r0 = 0
    exit
.func f222 static
    r0 = 0
    exit
.func f223 static
    r0 = 0
    exit
.func f224 static
    r0 = 0
    exit
.func f225 static
    r0 = 0
    exit
.func f226 static
    r0 = 0
    exit
.func f227 static
    r0 = 0
    exit
.func f228 static
    r0 = 0
    exit
.func f229 static
    r0 = 0
    exit
.func f230 static
    r0 = 0
    exit
.func f231 static
    r0 = 0
    exit
.func f232 static
    r0 = 0
    exit
.func f233 static
    r0 = 0
    exit
.func f234 static
    r0 = 0
    exit
.func f235 static
    r0 = 0
    exit
.func f236 static
    r0 = 0
    exit
.func f237 static
    r0 = 0
    exit
.func f238 static
    r0 = 0
    exit
.func f239 static
    r0 = 0
    exit
.func f240 static
    r0 = 0
    exit
.func f241 static
    r0 = 0
    exit
.func f242 static
    r0 = 0
    exit
.func f243 static
    r0 = 0
    exit
.func f244 static
    r0 = 0
    exit
.func f245 static
    r0 = 0
    exit
.func f246 static
    r0 = 0
    exit
.func f247 static
    r0 = 0
    exit
.func f248 static
    r0 = 0
    exit
.func f249 static
    r0 = 0
    exit
.func f250 static
    r0 = 0
    exit
.func f251 static
    r0 = 0
    exit
.func f252 static
    r0 = 0
    exit
.func f253 static
    r0 = 0
    exit
.func f254 static
    r0 = 0
    exit
.func f255 static
    r0 = 0
    exit
